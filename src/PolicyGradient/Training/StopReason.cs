namespace PolicyGradient.Training;

/// <summary>Why <see cref="Trainer.Train{TEnvironment}"/> stopped: the run's outcome.</summary>
public enum StopReason
{
    /// <summary>An iteration's mean return reached <see cref="TrainingSettings.TargetReturn"/>.</summary>
    Solved,
    /// <summary><see cref="TrainingSettings.MaxIterations"/> iterations ran without solving.</summary>
    IterationLimit,
    /// <summary><see cref="TrainingSettings.MaxEnvSteps"/> env-steps ran without solving.</summary>
    EnvStepLimit,
    /// <summary><see cref="TrainingSettings.MaxSeconds"/> of training ran without solving.</summary>
    TimeLimit,
    /// <summary>The cancellation token asked it to stop; it stopped after the iteration then running.</summary>
    Cancelled,
    /// <summary>A loss, gradient or parameter stopped being finite (a learning rate too large); <see cref="TrainingResult.Failure"/> says where.</summary>
    Diverged,
}
