namespace PolicyGradient.Output;

/// <summary>What one training run (batched or single-env) did: the content of its summary.json.</summary>
public sealed record RunSummary(
    string Mode,
    string Device,
    string DeviceName,
    int Envs,
    ulong Seed,
    string Objective,
    bool Solved,
    int Iterations,
    long Episodes,
    long EnvSteps,
    double SetupSeconds,
    double WallSeconds,
    double? SecondsToSolve,
    double EnvStepsPerSecond,
    double FinalMeanReturn,
    double GreedyEvalMeanReturn,
    bool Interrupted,
    int Processes,
    double CommunicationSeconds)
{
    public const string BatchedMode = "batched";
    public const string SingleEnvMode = "single-env";
}
