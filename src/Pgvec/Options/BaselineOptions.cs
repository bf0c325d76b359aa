using CommandLine;
using Pgvec.Commands;
using Pgvec.CommandLine;

namespace Pgvec.Options;

[Verb("baseline", HelpText = "The single-env baseline (the tutorial's algorithm): one environment on the host, one Adam update per episode.")]
public sealed class BaselineOptions : TrainingRunOptions
{
    [Option("max-episodes", Default = 5000, HelpText = "Stop after this many episodes.")]
    [IntegerRange(1, int.MaxValue)]
    public int MaxEpisodes { get; set; }

    public override int Execute(TextWriter stdout, TextWriter stderr)
    {
        string directory = CreateOutputDirectory("baseline");
        BaselineRun.Run(Training(MaxEpisodes), directory, stdout, stderr);
        return ExitCodes.Completed;
    }
}
