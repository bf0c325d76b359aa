using PolicyGradient.Text;

namespace Pgvec.CommandLine;

/// <summary>Every usage error's wording, so each names the bad value and what is allowed.</summary>
internal static class OptionErrors
{
    public static UsageException UnknownVerb(string verb) =>
        new($"unknown verb '{verb}'{Suggestion(verb, VerbSpec.All.Select(v => v.Name), "'", "'")}: must be one of {string.Join(", ", VerbSpec.All.Select(v => v.Name))}");

    public static UsageException UnknownOption(VerbSpec verb, string option) =>
        new(verb.Options.Count == 0
            ? $"unknown option {option}: {verb.Name} takes no options"
            : $"unknown option {option} for {verb.Name}{Suggestion(option.TrimStart('-'), verb.Options.Select(o => o.LongName), "--", "")}: allowed are {string.Join(", ", verb.Options.Select(o => "--" + o.LongName))}");

    /// <summary>" (did you mean X?)" for the closest known name, or nothing when none is close.</summary>
    private static string Suggestion(string typed, IEnumerable<string> names, string before, string after) =>
        ClosestName.To(typed, names) is { } name ? $" (did you mean {before}{name}{after}?)" : "";

    public static UsageException UnexpectedArgument(VerbSpec verb, string argument) =>
        new($"unexpected argument '{argument}': {verb.Name} takes only --options (see pgvec {verb.Name} --help)");

    public static UsageException HelpTakesOneVerb(string argument) =>
        new($"unexpected argument '{argument}': help takes at most one verb, e.g. pgvec help train");

    public static UsageException Repeated(OptionSpec option) =>
        new($"--{option.LongName} is given more than once: give it once");

    public static UsageException MissingValue(OptionSpec option) =>
        new($"--{option.LongName} needs a value: {option.Rule.Allowed}");

    public static UsageException SwitchWithValue(OptionSpec option, string token) =>
        new($"{token} is not valid: --{option.LongName} is a switch and takes no value");

    public static UsageException MissingRequired(VerbSpec verb, OptionSpec option) =>
        new($"{verb.Name} needs --{option.LongName}: {option.Rule.Allowed}");

    /// <summary>A value given on the command line that its option does not allow (or that does not even parse).</summary>
    public static UsageException Refused(OptionSpec option, string value, bool parsed) =>
        new($"--{option.LongName} {value} {(parsed ? option.Rule.RefusalOf(value) : "is not valid")}: must be {option.Rule.Allowed}");
}
