namespace PolicyGradient.Output;

/// <summary>One training run's curve: the mean return its solved test watches after each update, against env-steps and against seconds.</summary>
/// <param name="ReturnMeaning">Which mean that is, for the axis: an iteration's episodes', or the last 100 episodes'.</param>
internal sealed record LearningCurve(string Label, string ReturnMeaning, double[] EnvSteps, double[] Seconds, double[] MeanReturn)
{
    /// <summary>What batched training's curve plots: its solved test's measure.</summary>
    public const string IterationMeanReturn = "mean return of the iteration's episodes";
}
