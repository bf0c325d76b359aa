using PolicyGradient.Environment;

namespace PolicyGradient.Training;

/// <summary>The options both trainers share; each field's default is the CLI's default (the learning rate: the baseline's).</summary>
internal sealed record TrainingOptions
{
    /// <summary>Batched training's default learning rate, chosen by the sweep table in bench/RESULTS.md.</summary>
    public const double BatchedLearningRate = 0.1;

    /// <summary>The tutorial's learning rate, the single-env baseline's default.</summary>
    public const double TutorialLearningRate = 0.01;

    public EnvironmentDefinition Environment { get; init; } = Environments.CartPole;
    public ulong Seed { get; init; }
    public int Hidden { get; init; } = 32;
    public double LearningRate { get; init; } = TutorialLearningRate;
    public double Gamma { get; init; } = 0.99;
    public Objective Objective { get; init; } = Objective.Reinforce;
    public double TargetReturn { get; init; } = 475.0;
    /// <summary>Stop after this many updates (iterations for the batched trainer, episodes for the single-env one).</summary>
    public int MaxUpdates { get; init; } = 1000;
    /// <summary>Stop once the training loop has run this long.</summary>
    public double MaxSeconds { get; init; } = 600.0;
    /// <summary>Stop after the update that brings the env-steps run in all to this many (an update is never cut short).</summary>
    public long MaxEnvSteps { get; init; } = long.MaxValue;
    /// <summary>A Gaussian policy's initial log_std; null takes the environment's default.</summary>
    public double? InitialLogStd { get; init; }

    /// <summary>The policy a fresh run starts from: PyTorch's initialisation for the seed, log_std as chosen.</summary>
    public Policy.PolicyParameters InitialPolicy() =>
        Policy.PolicyParameters.Initialise(Environment.Device.Layout(Hidden), Seed, InitialLogStd ?? Environment.Defaults.InitialLogStd);
}

/// <summary>
/// One update's progress and metrics: an iteration of the batched trainer (one agent's), an
/// episode of the single-env one. Built with named properties.
/// </summary>
internal sealed record UpdateReport
{
    /// <summary>Updates done so far, this one included (iterations, or episodes for the single-env trainer).</summary>
    public required int Update { get; init; }
    public required long Episodes { get; init; }
    /// <summary>The mean return of this update's episodes (the single-env trainer's one episode).</summary>
    public required double MeanReturn { get; init; }
    public required double MinReturn { get; init; }
    public required double MaxReturn { get; init; }
    /// <summary>The single-env trainer's mean of its last 100 episodes' returns; null where the update's own mean is what counts.</summary>
    public double? RecentMeanReturn { get; init; }
    public required long EnvSteps { get; init; }
    public required long TotalEnvSteps { get; init; }
    public required double EnvStepsPerSecond { get; init; }
    public required double ElapsedSeconds { get; init; }
    /// <summary>The loss whose gradient the update followed.</summary>
    public required double PolicyLoss { get; init; }
    /// <summary>The policy's mean entropy (nats) over the update's steps.</summary>
    public required double Entropy { get; init; }
    /// <summary>The L2 norm of the loss gradient before Adam.</summary>
    public required double GradientNorm { get; init; }
    /// <summary>This update's episodes that ended in a terminal state (the rest were cut by the time limit).</summary>
    public long Terminated { get; init; }
    /// <summary>This update's episodes the time limit cut.</summary>
    public long Truncated { get; init; }

    /// <summary>What the solved test compares with the target.</summary>
    public double RunningMeanReturn => RecentMeanReturn ?? MeanReturn;

    public double MeanEpisodeLength => (double)EnvSteps / Episodes;

    /// <summary>The share of this update's episodes that ended in a terminal state (MountainCar: reached the flag) rather than at the time limit.</summary>
    public double TerminatedFraction => (double)Terminated / Episodes;
}

/// <summary>How a training run ended.</summary>
internal sealed record TrainingOutcome(
    bool Solved,
    int Updates,
    long Episodes,
    long EnvSteps,
    double WallSeconds,
    double? SecondsToSolve,
    double FinalMeanReturn,
    Policy.PolicyParameters Policy,
    bool Interrupted = false,
    double CommunicationSeconds = 0.0,
    string? Failure = null);
