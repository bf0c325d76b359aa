using Pgvec.Options;
using PolicyGradient.Output;

namespace Pgvec.Commands;

/// <summary>`pgvec compare`: the baseline, then batched training, same seed, objective and time budget.</summary>
public static class CompareRun
{
    public const string ComparisonFile = "compare.json";

    public static ComparisonSummary Run(CompareOptions options, string directory, TextWriter stdout, TextWriter stderr)
    {
        RunSummary baseline = BaselineRun.Run(options.Training(options.MaxEpisodes),
            Path.Combine(directory, "baseline"), stdout, stderr);
        RunSummary batched = BatchedRun.Run(options.DeviceKind, options.Envs, options.Training(options.MaxIterations),
            Path.Combine(directory, "batched"), stdout, stderr);

        var comparison = ComparisonSummary.Of(baseline, batched);
        string path = Path.Combine(directory, ComparisonFile);
        SummaryJson.Write(path, comparison);
        ComparisonTable.Print(comparison, stdout);
        stdout.WriteLine(path);
        return comparison;
    }
}
