using CommandLine;
using Pgvec.Commands;
using Pgvec.CommandLine;

namespace Pgvec.Options;

[Verb("baseline", HelpText = "The single-env baseline (the tutorial's algorithm): one environment on the host, one Adam update per episode.")]
public sealed class BaselineOptions : TrainingRunOptions
{
    public const int DefaultMaxEpisodes = 5000;

    [Option("max-episodes", Default = DefaultMaxEpisodes, HelpText = "Stop after this many episodes.")]
    [IntegerRange(1, int.MaxValue)]
    public int MaxEpisodes { get; set; }

    protected override void Run(string directory, RunOptions run, TextWriter stdout, TextWriter stderr) =>
        BaselineRun.Run(Training(MaxEpisodes), directory, run, stdout, stderr,
            new RunCheckpoints(directory, CheckpointMetadata.Of(VerbSpec.Named("baseline")!, this)));
}
