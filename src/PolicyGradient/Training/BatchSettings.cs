using PolicyGradient.Environment;

namespace PolicyGradient.Training;

/// <summary>
/// What the agents of one batch share: envs per agent, hidden size, the target and the budgets
/// (iterations and training seconds counted from each agent's start, resumed sessions included).
/// A data-parallel process holds envs <paramref name="FirstEnv"/> onwards of each agent's whole batch.
/// </summary>
internal sealed record BatchSettings(int EnvsPerAgent, int Hidden, double TargetReturn, int MaxIterations, double MaxSeconds, int FirstEnv = 0)
{
    /// <summary>What every env of the batch plays.</summary>
    public EnvironmentDefinition Environment { get; init; } = Environments.CartPole;

    /// <summary>The batch of a `train` run: <paramref name="envs"/> envs for its one agent.</summary>
    public static BatchSettings From(int envs, TrainingOptions options) =>
        new(envs, options.Hidden, options.TargetReturn, options.MaxUpdates, options.MaxSeconds) { Environment = options.Environment, MaxEnvSteps = options.MaxEnvSteps, InitialLogStd = options.InitialLogStd };

    /// <summary>
    /// A sweep's agents are independent experiments: one that diverges stops alone, recorded as
    /// failed, and the others go on. A `train` run's one agent diverging fails the run.
    /// </summary>
    public bool DivergenceStopsOnlyThatAgent { get; init; }

    /// <summary>Stop an agent once it has run this many env-steps in all (after the iteration that reaches them).</summary>
    public long MaxEnvSteps { get; init; } = long.MaxValue;

    /// <summary>A Gaussian policy's initial log_std for every agent; null takes the environment's default.</summary>
    public double? InitialLogStd { get; init; }

    /// <summary>Process <paramref name="rank"/> of <paramref name="size"/>'s consecutive share of these envs (shares differ by one env at most).</summary>
    public BatchSettings Share(int rank, int size)
    {
        if (EnvsPerAgent < size)
            throw new ArgumentException($"{EnvsPerAgent} envs cannot be shared by {size} processes: at least one env each");
        int first = (int)((long)EnvsPerAgent * rank / size), end = (int)((long)EnvsPerAgent * (rank + 1) / size);
        return this with { EnvsPerAgent = end - first, FirstEnv = FirstEnv + first };
    }
}
