namespace Pgvec.CommandLine;

/// <summary>
/// A verb's own help for an option it shares with other verbs (declared once, in a base class),
/// where what the option does differs by verb: the files --out holds, --lr's default.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
internal sealed class OptionHelpAttribute(string longName, string helpText) : Attribute
{
    public string LongName { get; } = longName;
    public string HelpText { get; } = helpText;
}
