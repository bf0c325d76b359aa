using PolicyGradient.Environment;
using PolicyGradient.Devices;
using PolicyGradient.Training;

namespace PolicyGradient.Sweeps;

/// <summary>
/// What one batch of a sweep trains: <see cref="Agents"/> independent agents of <see cref="EnvsPerAgent"/>
/// envs each on one environment (the batch's kernels are compiled for its type), sharing the
/// hidden size, the target and the budgets (each agent's own: an agent stops when it meets the
/// target or when its iterations or training seconds run out).
/// </summary>
internal sealed record SweepBatch(
    ComputeDevice Device,
    int EnvsPerAgent,
    int Hidden,
    IReadOnlyList<AgentSettings> Agents,
    double TargetReturn,
    int MaxIterations,
    double MaxSeconds,
    EnvironmentDefinition Environment)
{
    /// <summary>Each agent's own env-steps budget (after the iteration that reaches it).</summary>
    public long MaxEnvSteps { get; init; } = long.MaxValue;

    /// <summary>A Gaussian policy's initial log_std; null takes the environment's default.</summary>
    public double? InitialLogStd { get; init; }

    /// <summary>The sweep's index of <c>Agents[0]</c>: a sweep of several environments trains one batch each, its agents neighbours in the grid.</summary>
    public int FirstAgent { get; init; }

    /// <summary>The options a `train` run of agent <paramref name="agent"/> alone would have.</summary>
    public TrainingOptions OptionsFor(int agent) => Agents[agent].ApplyTo(new TrainingOptions
    {
        Environment = Environment,
        Hidden = Hidden,
        TargetReturn = TargetReturn,
        MaxUpdates = MaxIterations,
        MaxSeconds = MaxSeconds,
        MaxEnvSteps = MaxEnvSteps,
        InitialLogStd = InitialLogStd,
    });
}

/// <summary>One iteration of one agent (its index in the batch the trainer was given).</summary>
internal sealed record AgentIteration(int Agent, UpdateReport Report);

/// <summary>
/// The sweep's one seam to the trainer: however the agents are trained (one after another, or
/// all in one device batch), the sweep sees the same reports and outcomes.
/// </summary>
internal interface ISweepTrainer
{
    /// <summary>
    /// Trains every agent of <paramref name="batch"/>, calling <paramref name="onIteration"/> after
    /// each agent's iteration. <paramref name="stop"/> ends training after the current iteration.
    /// </summary>
    /// <returns>One outcome per agent that started, in agent order (index = agent): all of them,
    /// unless <paramref name="stop"/> came before some started; a stopped agent's outcome is marked interrupted.</returns>
    IReadOnlyList<TrainingOutcome> Train(SweepBatch batch, Action<AgentIteration> onIteration, CancellationToken stop);
}

/// <summary>A sweep of several environments: one batch each, one after another, in grid order.</summary>
internal static class SweepBatches
{
    /// <summary>
    /// Trains <paramref name="batches"/> in turn with <paramref name="trainer"/>, reporting each
    /// iteration with the agent's sweep index (<see cref="SweepBatch.FirstAgent"/> added). A batch
    /// that was stopped ends the sweep: later batches do not start.
    /// </summary>
    /// <returns>The outcomes of the agents that started, in sweep order.</returns>
    public static IReadOnlyList<TrainingOutcome> TrainInTurn(this ISweepTrainer trainer, IReadOnlyList<SweepBatch> batches,
        Action<AgentIteration> onIteration, CancellationToken stop)
    {
        var outcomes = new List<TrainingOutcome>();
        foreach (SweepBatch batch in batches)
        {
            IReadOnlyList<TrainingOutcome> trained = trainer.Train(batch, i => onIteration(i with { Agent = batch.FirstAgent + i.Agent }), stop);
            outcomes.AddRange(trained);
            // Decided on the outcomes alone: under MPI every rank holds the same gathered ones, so all go on or stop together.
            if (trained.Count < batch.Agents.Count || trained.Any(o => o.Interrupted))
                break;
        }
        return outcomes;
    }
}
