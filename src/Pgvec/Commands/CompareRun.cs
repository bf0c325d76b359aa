using Pgvec.CommandLine;
using Pgvec.Options;
using PolicyGradient.Output;

namespace Pgvec.Commands;

/// <summary>`pgvec compare`: the baseline, then batched training, same seed, objective and time budget.</summary>
public static class CompareRun
{
    public const string ComparisonFile = "compare.json";

    public static ComparisonSummary Run(CompareOptions options, string directory, RunOptions run, TextWriter stdout, TextWriter stderr)
    {
        string baselineDirectory = Path.Combine(directory, "baseline"), batchedDirectory = Path.Combine(directory, "batched");
        CompletedRun baseline = BaselineRun.Run(options.Training(options.MaxEpisodes), baselineDirectory, run, stdout, stderr,
            new RunCheckpoints(baselineDirectory, CheckpointMetadata.Of(VerbSpec.Named("baseline")!, options)));
        // The batched half keeps the train verb's options, so `train --resume DIR/batched` continues it.
        CompletedRun batched = BatchedRun.Run(options.DeviceKind, options.StrictDevice, options.Envs, options.Training(options.MaxIterations),
            batchedDirectory, run, stdout, stderr,
            new RunCheckpoints(batchedDirectory, CheckpointMetadata.Of(VerbSpec.Named("train")!, options)));

        var comparison = ComparisonSummary.Of(baseline.Summary, batched.Summary);
        string path = Path.Combine(directory, ComparisonFile);
        SummaryJson.Write(path, comparison);
        LearningCurvePlot.Save(Path.Combine(directory, LearningCurvePlot.CompareFileName), [baseline.Curve, batched.Curve],
            options.TargetReturn, "pgvec compare");
        ComparisonTable.Print(comparison, stdout);
        stdout.WriteLine(path);
        return comparison;
    }
}
