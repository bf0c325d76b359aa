namespace PolicyGradient.Training;

/// <summary>One training iteration as <see cref="Trainer.Train{TEnvironment}"/> reports it: one episode in every environment, then one policy update.</summary>
public sealed record IterationReport
{
    /// <summary>Iterations done so far, this one included (1 for the first).</summary>
    public required int Iteration { get; init; }

    /// <summary>The mean return of this iteration's episodes: what <see cref="TrainingSettings.TargetReturn"/> is compared with.</summary>
    public required double MeanReturn { get; init; }

    /// <summary>The lowest return of this iteration's episodes.</summary>
    public required double MinReturn { get; init; }

    /// <summary>The highest return of this iteration's episodes.</summary>
    public required double MaxReturn { get; init; }

    /// <summary>The mean length of this iteration's episodes, in steps.</summary>
    public required double MeanEpisodeLength { get; init; }

    /// <summary>The share of this iteration's episodes that terminated (rather than being cut by the time limit).</summary>
    public required double TerminatedFraction { get; init; }

    /// <summary>Env-steps run so far, this iteration's included.</summary>
    public required long TotalEnvSteps { get; init; }

    /// <summary>This iteration's env-steps over its wall-clock time.</summary>
    public required double EnvStepsPerSecond { get; init; }

    /// <summary>Seconds of training so far.</summary>
    public required double ElapsedSeconds { get; init; }

    /// <summary>The REINFORCE loss whose gradient the update followed.</summary>
    public required double PolicyLoss { get; init; }

    /// <summary>The policy's mean entropy (nats) over the iteration's steps: near log(actions) it still explores, near 0 it has decided.</summary>
    public required double Entropy { get; init; }

    /// <summary>The L2 norm of the loss gradient before Adam.</summary>
    public required double GradientNorm { get; init; }

    internal static IterationReport Of(UpdateReport update) => new()
    {
        Iteration = update.Update,
        MeanReturn = update.MeanReturn,
        MinReturn = update.MinReturn,
        MaxReturn = update.MaxReturn,
        MeanEpisodeLength = update.MeanEpisodeLength,
        TerminatedFraction = update.TerminatedFraction,
        TotalEnvSteps = update.TotalEnvSteps,
        EnvStepsPerSecond = update.EnvStepsPerSecond,
        ElapsedSeconds = update.ElapsedSeconds,
        PolicyLoss = update.PolicyLoss,
        Entropy = update.Entropy,
        GradientNorm = update.GradientNorm,
    };
}
