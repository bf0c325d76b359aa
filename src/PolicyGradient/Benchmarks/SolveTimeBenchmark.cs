using PolicyGradient.Devices;
using PolicyGradient.Training;

namespace PolicyGradient.Benchmarks;

/// <summary>One seed's time to solve for the batched trainer and the single-env baseline, run back to back.</summary>
internal sealed record SolveTimeResult(
    ulong Seed,
    bool BatchedSolved,
    double? BatchedSecondsToSolve,
    int BatchedIterations,
    long BatchedEnvSteps,
    double BatchedEnvStepsPerSecond,
    bool BaselineSolved,
    double? BaselineSecondsToSolve,
    int BaselineEpisodes,
    long BaselineEnvSteps,
    double BaselineEnvStepsPerSecond);

/// <summary>Median and spread of a set of measurements; null where none succeeded.</summary>
internal sealed record Spread(int Count, double? Median, double? Min, double? Max)
{
    public static Spread Of(IEnumerable<double?> values)
    {
        var v = values.Where(x => x.HasValue).Select(x => x!.Value).Order().ToArray();
        if (v.Length == 0)
            return new Spread(0, null, null, null);
        double median = v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
        return new Spread(v.Length, median, v[0], v[^1]);
    }
}

/// <summary>`train` against `baseline` with the same options, for several seeds.</summary>
internal static class SolveTimeBenchmark
{
    public static SolveTimeResult Run(ComputeDevice device, int envs, TrainingOptions batchedOptions, TrainingOptions baselineOptions)
    {
        TrainingOutcome batched;
        using (var trainer = new BatchedTrainer(device, envs, batchedOptions))
            batched = trainer.Train();
        TrainingOutcome baseline = new SingleEnvTrainer(baselineOptions).Train();
        return new SolveTimeResult(batchedOptions.Seed,
            batched.Solved, batched.SecondsToSolve, batched.Updates, batched.EnvSteps, batched.EnvSteps / batched.WallSeconds,
            baseline.Solved, baseline.SecondsToSolve, baseline.Updates, baseline.EnvSteps, baseline.EnvSteps / baseline.WallSeconds);
    }
}
