namespace Pgvec.CommandLine;

/// <summary>
/// Checks the shape of a verb's tokens before CommandLineParser sees them, because it is lenient
/// where we want one clear error: it reads "--out --envs 3" as out = "envs", gives a value-less
/// "--envs" its default and drops stray words. What passes is handed on as "--name=value" (so a
/// value such as "-0.5" is never mistaken for an option), with each raw value kept for messages.
/// </summary>
internal sealed class ArgumentScan
{
    private ArgumentScan(IReadOnlyList<string> normalised, IReadOnlyDictionary<string, string> rawValues)
    {
        Normalised = normalised;
        RawValues = rawValues;
    }

    public IReadOnlyList<string> Normalised { get; }

    /// <summary>Each given option's value as typed, by long name; empty for a switch.</summary>
    public IReadOnlyDictionary<string, string> RawValues { get; }

    public static ArgumentScan Of(VerbSpec verb, IReadOnlyList<string> tokens)
    {
        var normalised = new List<string>();
        var raw = new Dictionary<string, string>();
        for (int i = 0; i < tokens.Count; i++)
        {
            string token = tokens[i];
            if (!token.StartsWith("--", StringComparison.Ordinal) || token == "--")
            {
                throw token.StartsWith('-') && token.Length > 1
                    ? OptionErrors.UnknownOption(verb, token)
                    : OptionErrors.UnexpectedArgument(verb, token);
            }
            int equals = token.IndexOf('=');
            string name = equals < 0 ? token[2..] : token[2..equals];
            OptionSpec option = verb.Option(name) ?? throw OptionErrors.UnknownOption(verb, "--" + name);
            if (raw.ContainsKey(name))
                throw OptionErrors.Repeated(option);

            if (option.IsSwitch)
            {
                if (equals >= 0)
                    throw OptionErrors.SwitchWithValue(option, token);
                raw[name] = "";
                normalised.Add(token);
                continue;
            }
            string? value = equals >= 0 ? token[(equals + 1)..]
                : i + 1 < tokens.Count && !tokens[i + 1].StartsWith("--", StringComparison.Ordinal) ? tokens[++i]
                : null;
            if (string.IsNullOrEmpty(value))
                throw OptionErrors.MissingValue(option);
            raw[name] = value;
            normalised.Add($"--{name}={value}");
        }
        return new ArgumentScan(normalised, raw);
    }
}
