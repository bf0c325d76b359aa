using CommandLine;
using Pgvec.Commands;
using Pgvec.CommandLine;

namespace Pgvec.Options;

[Verb("compare", HelpText = "Runs baseline, then train, with the same seed, objective and time budget; prints a table and writes compare.json.")]
public sealed class CompareOptions : TrainOptions
{
    [Option("max-episodes", Default = 5000, HelpText = "Stop the baseline after this many episodes.")]
    [IntegerRange(1, int.MaxValue)]
    public int MaxEpisodes { get; set; }

    public override int Execute(TextWriter stdout, TextWriter stderr)
    {
        string directory = CreateOutputDirectory("compare");
        CompareRun.Run(this, directory, stdout, stderr);
        return ExitCodes.Completed;
    }
}
