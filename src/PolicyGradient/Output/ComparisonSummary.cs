namespace PolicyGradient.Output;

/// <summary>The baseline and the batched run side by side: the content of compare.json.</summary>
/// <param name="SpeedupToSolveWithSetup">The headline: time to solve counting each run's set-up (the batched run opens a device and compiles its kernels; the baseline has none).</param>
/// <param name="SpeedupWallToSolve">Time to solve in the training loops alone.</param>
internal sealed record ComparisonSummary(
    RunSummary Baseline,
    RunSummary Batched,
    double? SpeedupToSolveWithSetup,
    double? SpeedupWallToSolve,
    double? SpeedupEnvStepsPerSecond)
{
    /// <summary>
    /// Speed-ups are batched over baseline: above 1 means the batched run was faster. Null where
    /// a ratio is undefined: a run that never solved, or a baseline that ran no episode at all.
    /// </summary>
    public static ComparisonSummary Of(RunSummary baseline, RunSummary batched) => new(
        baseline,
        batched,
        (baseline.SetupSeconds + baseline.SecondsToSolve) / (batched.SetupSeconds + batched.SecondsToSolve),
        baseline.SecondsToSolve / batched.SecondsToSolve,
        baseline.EnvStepsPerSecond > 0 ? batched.EnvStepsPerSecond / baseline.EnvStepsPerSecond : null);
}
