namespace PolicyGradient.Output;

/// <summary>
/// What one training run (batched or single-env) did: the content of its summary.json. A return
/// is null where there is none to give (no iteration ran; a failed run's policy is not
/// evaluated); <see cref="Failed"/> says how a run failed, null if it did not. <see cref="EnvAssembly"/>
/// is the assembly a user's environment came from (--env-assembly), null for a built-in.
/// </summary>
internal sealed record RunSummary(
    string Mode,
    string Env,
    Environment.EnvironmentAssemblyIdentity? EnvAssembly,
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
    double? FinalMeanReturn,
    double? GreedyEvalMeanReturn,
    bool Interrupted,
    int Processes,
    double CommunicationSeconds,
    string? Failed)
{
    public const string BatchedMode = "batched";
    public const string SingleEnvMode = "single-env";
}
