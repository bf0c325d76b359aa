using Pgvec.Options;
using PolicyGradient.Output;

namespace Pgvec.Commands;

/// <summary>`pgvec compare`: the baseline, then batched training, same seed, objective and time budget.</summary>
public static class CompareRun
{
    public const string ComparisonFile = "compare.json";

    public static ComparisonSummary Run(CompareOptions options, string directory, RunOptions run, TextWriter stdout, TextWriter stderr)
    {
        CompletedRun baseline = BaselineRun.Run(options.Training(options.MaxEpisodes),
            Path.Combine(directory, "baseline"), run, stdout, stderr);
        CompletedRun batched = BatchedRun.Run(options.DeviceKind, options.StrictDevice, options.Envs, options.Training(options.MaxIterations),
            Path.Combine(directory, "batched"), run, stdout, stderr);

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
