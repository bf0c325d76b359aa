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

/// <summary>One update's progress and metrics: an iteration of the batched trainer, an episode of the single-env one.</summary>
/// <param name="MeanReturn">The mean return of this update's episodes (the single-env trainer's one episode).</param>
/// <param name="RunningMeanReturn">What the solved test compares with the target: the iteration's mean return for
/// batched training, the mean of the last 100 episodes' for the single-env trainer.</param>
/// <param name="PolicyLoss">The loss whose gradient the update followed.</param>
/// <param name="Entropy">The policy's mean entropy (nats) over the update's steps.</param>
/// <param name="GradientNorm">The L2 norm of the loss gradient before Adam.</param>
public sealed record UpdateReport(
    int Update,
    int Episodes,
    double MeanReturn,
    double RunningMeanReturn,
    double MinReturn,
    double MaxReturn,
    long EnvSteps,
    long TotalEnvSteps,
    double EnvStepsPerSecond,
    double ElapsedSeconds,
    double PolicyLoss,
    double Entropy,
    double GradientNorm)
{
    public double MeanEpisodeLength => (double)EnvSteps / Episodes;
}

/// <summary>How a training run ended.</summary>
public sealed record TrainingOutcome(
    bool Solved,
    int Updates,
    long Episodes,
    long EnvSteps,
    double WallSeconds,
    double? SecondsToSolve,
    double FinalMeanReturn,
    Policy.PolicyParameters Policy,
    bool Interrupted = false);
