using System.Globalization;
using CommandLine;

namespace Pgvec.CommandLine;

/// <summary>
/// args -> the command to run. Verb and token shape are checked here (<see cref="ArgumentScan"/>),
/// CommandLineParser converts values and fills defaults, then every option's rule is applied.
/// Anything wrong becomes a <see cref="UsageException"/> naming the bad value.
/// </summary>
internal static class CommandLineParsing
{
    private static readonly string[] HelpTokens = ["--help", "-h"];
    private const string VersionToken = "--version";

    public static ICommand Parse(IReadOnlyList<string> args)
    {
        if (args.Count > 0 && args[0] == "help")
            return HelpFor(args.Skip(1).ToList());
        if (args is [VersionToken])
            return new VersionRequest();
        if (args.Count > 1 && args[0] == VersionToken)
            throw new UsageException($"unexpected argument '{args[1]}': --version takes nothing else (pgvec --version)");

        bool verbNamed = args.Count > 0 && !args[0].StartsWith('-');
        VerbSpec verb = verbNamed ? VerbSpec.Named(args[0]) ?? throw OptionErrors.UnknownVerb(args[0]) : VerbSpec.Default;
        var tokens = args.Skip(verbNamed ? 1 : 0).ToList();
        if (tokens.Any(HelpTokens.Contains))
            return new HelpRequest(verbNamed ? verb : null);

        var scan = ArgumentScan.Of(verb, tokens);
        object options = ParseOptions(verb, scan);
        return options is ICheckedOptions checkedOptions ? checkedOptions.Check(scan) : (ICommand)options;
    }

    /// <summary>A verb's options, each value converted and checked against its rule, before any check across options.</summary>
    public static object ParseOptions(IReadOnlyList<string> args)
    {
        VerbSpec verb = VerbSpec.Named(args[0]) ?? throw OptionErrors.UnknownVerb(args[0]);
        return ParseOptions(verb, ArgumentScan.Of(verb, args.Skip(1).ToList()));
    }

    private static object ParseOptions(VerbSpec verb, ArgumentScan scan)
    {
        var result = CreateParser().ParseArguments([verb.Name, .. scan.Normalised], VerbSpec.All.Select(v => v.OptionsType).ToArray());
        if (result is NotParsed<object> notParsed)
            throw Describe(verb, scan, notParsed.Errors.First());

        object options = ((Parsed<object>)result).Value;
        foreach (OptionSpec option in verb.Options)
        {
            if (scan.RawValues.TryGetValue(option.LongName, out string? raw) && !option.Rule.WaivedBy(scan.RawValues) && !option.Rule.Accepts(option.Property.GetValue(options)))
                throw OptionErrors.Refused(option, raw, parsed: true);
        }
        return options;
    }

    /// <summary>The parser every verb and help page goes through.</summary>
    internal static Parser CreateParser() => new(settings =>
    {
        // We print every message ourselves, one line each.
        settings.HelpWriter = null;
        settings.AutoVersion = false;
        settings.CaseSensitive = true;
        settings.ParsingCulture = NumbersWithoutGrouping;
    });

    /// <summary>
    /// The invariant culture, but with a digit-group separator no one types: CommandLineParser
    /// parses doubles allowing thousands separators, which would read "--lr 1,5" as 15.
    /// </summary>
    private static readonly CultureInfo NumbersWithoutGrouping = CreateNumbersWithoutGrouping();

    private static CultureInfo CreateNumbersWithoutGrouping()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberGroupSeparator = "\uFFFF";
        return CultureInfo.ReadOnly(culture);
    }

    private static HelpRequest HelpFor(IReadOnlyList<string> verbs) => verbs switch
    {
        [] => new HelpRequest(null),
        [var name] => new HelpRequest(VerbSpec.Named(name) ?? throw OptionErrors.UnknownVerb(name)),
        _ => throw OptionErrors.HelpTakesOneVerb(verbs[1]),
    };

    /// <summary>The errors left once <see cref="ArgumentScan"/> has passed the tokens.</summary>
    private static UsageException Describe(VerbSpec verb, ArgumentScan scan, Error error)
    {
        OptionSpec? option = error is NamedError named ? verb.Option(named.NameInfo.LongName) : null;
        return (error, option) switch
        {
            (BadFormatConversionError, not null) => OptionErrors.Refused(option, scan.RawValues[option.LongName], parsed: false),
            (MissingRequiredOptionError, not null) => OptionErrors.MissingRequired(verb, option),
            _ => new UsageException($"cannot read the command line ({error.Tag}); see pgvec {verb.Name} --help"),
        };
    }
}
