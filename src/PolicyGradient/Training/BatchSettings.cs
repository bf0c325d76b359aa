namespace PolicyGradient.Training;

/// <summary>
/// What the agents of one batch share: envs per agent, hidden size, the target and the budgets
/// (iterations and training seconds counted from each agent's start, resumed sessions included).
/// </summary>
public sealed record BatchSettings(int EnvsPerAgent, int Hidden, double TargetReturn, int MaxIterations, double MaxSeconds)
{
    /// <summary>The batch of a `train` run: <paramref name="envs"/> envs for its one agent.</summary>
    public static BatchSettings From(int envs, TrainingOptions options) =>
        new(envs, options.Hidden, options.TargetReturn, options.MaxUpdates, options.MaxSeconds);
}
