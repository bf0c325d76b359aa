using System.Globalization;
using System.Text;

namespace Pgvec.CommandLine;

/// <summary>
/// `pgvec --help` (every verb, then the default verb's options) or `pgvec VERB --help` (that
/// verb's options in <see cref="VerbSpec"/>'s order, each with its value placeholder and its
/// default), printed on stdout.
/// </summary>
internal sealed class HelpRequest(VerbSpec? verb) : ICommand
{
    private const int Width = 100;

    public int Execute(TextWriter stdout, TextWriter stderr)
    {
        VerbSpec shown = verb ?? VerbSpec.Default;
        stdout.WriteLine(verb is null ? Overview() : $"usage: pgvec {shown.Name} [OPTIONS]\n\n{Wrap(shown.HelpText, 0)}\n\noptions:");
        if (shown.Options.Count == 0)
            stdout.WriteLine("  none");
        int column = shown.Options.Select(o => Signature(o).Length).DefaultIfEmpty(0).Max() + 4;
        foreach (OptionSpec option in shown.Options)
        {
            string signature = "  " + Signature(option);
            stdout.WriteLine(signature.PadRight(column) + Wrap(Description(option), column).TrimStart());
        }
        return ExitCodes.Completed;
    }

    private static string Overview()
    {
        int width = VerbSpec.All.Max(v => v.Name.Length) + 4;
        var verbs = VerbSpec.All.Select(v => ("  " + v.Name).PadRight(width) +
            Wrap(v.HelpText + (v.IsDefault ? " (the default verb)" : ""), width).TrimStart());
        return $"""
            usage: pgvec [VERB] [OPTIONS]      (pgvec VERB --help lists a verb's options; pgvec --version)

            verbs:
            {string.Join("\n", verbs)}

            options of {VerbSpec.Default.Name}, the default verb:
            """;
    }

    /// <summary>"--envs N": the option and what its value looks like.</summary>
    private static string Signature(OptionSpec option) =>
        option.IsSwitch ? $"--{option.LongName}" : $"--{option.LongName} {option.Placeholder}";

    private static string Description(OptionSpec option) => option switch
    {
        { Required: true } => $"Required. {option.HelpText}",
        { Default: { } value } when !option.IsSwitch => $"(Default: {Text(value)}) {option.HelpText}",
        _ => option.HelpText,
    };

    private static string Text(object value) => value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value.ToString()!;

    /// <summary>Words wrapped to <see cref="Width"/> columns, continuation lines indented to <paramref name="indent"/>.</summary>
    private static string Wrap(string text, int indent)
    {
        var lines = new StringBuilder();
        var line = new StringBuilder(new string(' ', indent));
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > indent && line.Length + 1 + word.Length > Width)
            {
                lines.AppendLine(line.ToString());
                line.Clear().Append(' ', indent);
            }
            if (line.Length > indent)
                line.Append(' ');
            line.Append(word);
        }
        return lines.Append(line).ToString().Replace("\r", "");
    }
}
