using CommandLine;
using CommandLine.Text;

namespace Pgvec.CommandLine;

/// <summary>
/// `pgvec --help` (every verb, then the default verb's options) or `pgvec VERB --help` (that
/// verb's options, each with its default), printed on stdout.
/// </summary>
public sealed class HelpRequest(VerbSpec? verb) : ICommand
{
    public int Execute(TextWriter stdout, TextWriter stderr)
    {
        VerbSpec shown = verb ?? VerbSpec.Default;
        string heading = verb is null ? Overview() : $"usage: pgvec {shown.Name} [OPTIONS]\n\n{shown.HelpText}";
        var result = CommandLineParsing.CreateParser().ParseArguments([shown.Name, "--help"], VerbSpec.All.Select(v => v.OptionsType).ToArray());
        var text = HelpText.AutoBuild(result, h =>
        {
            h.Heading = heading;
            h.Copyright = string.Empty;
            h.AutoVersion = false;
            h.AdditionalNewLineAfterOption = false;
            h.MaximumDisplayWidth = 100;
            return h;
        }, e => e);
        stdout.WriteLine(text.ToString().TrimEnd());
        return ExitCodes.Completed;
    }

    private static string Overview()
    {
        int width = VerbSpec.All.Max(v => v.Name.Length) + 2;
        var verbs = VerbSpec.All.Select(v => $"  {v.Name.PadRight(width)}{v.HelpText}{(v.IsDefault ? " (the default verb)" : "")}");
        return $"""
            usage: pgvec [VERB] [OPTIONS]      (pgvec VERB --help lists a verb's options)

            verbs:
            {string.Join("\n", verbs)}

            options of {VerbSpec.Default.Name}, the default verb:
            """;
    }
}
