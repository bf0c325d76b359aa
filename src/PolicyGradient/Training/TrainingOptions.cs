namespace PolicyGradient.Training;

/// <summary>The options both trainers share; each field's default is the CLI's default.</summary>
public sealed record TrainingOptions
{
    public ulong Seed { get; init; }
    public int Hidden { get; init; } = 32;
    public double LearningRate { get; init; } = 0.01;
    public double Gamma { get; init; } = 0.99;
    public Objective Objective { get; init; } = Objective.Reinforce;
    public double TargetReturn { get; init; } = 475.0;
    /// <summary>Stop after this many updates (iterations for the batched trainer, episodes for the single-env one).</summary>
    public int MaxUpdates { get; init; } = 1000;
    /// <summary>Stop once the training loop has run this long.</summary>
    public double MaxSeconds { get; init; } = 600.0;
}

/// <summary>One update's progress line: an iteration of the batched trainer, an episode of the single-env one.</summary>
public sealed record UpdateReport(
    int Update,
    int Episodes,
    double MeanReturn,
    double MinReturn,
    double MaxReturn,
    long EnvSteps,
    long TotalEnvSteps,
    double EnvStepsPerSecond,
    double ElapsedSeconds);

/// <summary>How a training run ended.</summary>
public sealed record TrainingOutcome(
    bool Solved,
    int Updates,
    long Episodes,
    long EnvSteps,
    double WallSeconds,
    double? SecondsToSolve,
    double FinalMeanReturn,
    Policy.PolicyParameters Policy);
