using PolicyGradient.Statistics;
using PolicyGradient.Sweeps;

namespace PolicyGradient.Output;

/// <summary>One agent of sweep.json: its configuration, where its policy is, and how it did.</summary>
internal sealed record SweepAgentResult(
    int Agent,
    string Env,
    ulong Seed,
    double Lr,
    double Gamma,
    string Objective,
    string? Policy,
    bool Solved,
    bool Interrupted,
    string? Failed,
    int Iterations,
    long Episodes,
    long EnvSteps,
    double? SecondsToSolve,
    double TrainingSeconds,
    double FinalMeanReturn,
    double? GreedyEvalMeanReturn);

/// <summary>One configuration of sweep.json; the statistics are null when none of its agents finished, the target where there is none (a user's environment without --target-return).</summary>
internal sealed record SweepConfigurationResult(
    int Configuration,
    string Env,
    double? TargetReturn,
    double Lr,
    double Gamma,
    string Objective,
    int[] Agents,
    int AgentsFinished,
    double? SolvedFraction,
    MeasureStatistics? Iterations,
    MeasureStatistics? EnvSteps,
    MeasureStatistics? SecondsToSolve);

/// <summary>
/// sweep.json: the sweep's settings, every agent, and every configuration's statistics.
/// <see cref="TargetReturn"/> is null where the environments' targets differ (each configuration holds its own);
/// <see cref="EnvAssembly"/> is the assembly of --env-assembly, whose environments every one is, or null.
/// </summary>
internal sealed record SweepReport(
    string Device,
    string DeviceName,
    IReadOnlyList<string> Envs,
    Environment.EnvironmentAssemblyIdentity? EnvAssembly,
    int EnvsPerAgent,
    int Hidden,
    double? TargetReturn,
    int MaxIterations,
    double MaxSeconds,
    bool Interrupted,
    double SetupSeconds,
    double WallSeconds,
    string AgentOrder,
    string UnsolvedAgents,
    string ConfidenceIntervals,
    IReadOnlyList<SweepAgentResult> Agents,
    IReadOnlyList<SweepConfigurationResult> Configurations)
{
    public const string FileName = "sweep.json";

    public static readonly string IntervalMethod =
        $"95 % percentile bootstrap over the finished agents of the configuration: {BootstrapInterval.Resamples} resamples drawn with System.Random({BootstrapInterval.DefaultSeed})";

    public void Write(string directory) => JsonFile.Write(Path.Combine(directory, FileName), this);
}
