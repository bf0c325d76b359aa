using PolicyGradient.Training;

namespace PolicyGradient.Sweeps;

/// <summary>
/// Every agent of the sweep in one device batch: one <see cref="BatchedTrainer"/> of K agents x M
/// envs. Each agent ends with the bits it reaches trained alone (the batch's streams, reductions
/// and optimisers are per agent), so this and <see cref="SequentialSweepTrainer"/> agree agent by
/// agent; this one fills the device with all of them at once.
/// </summary>
internal sealed class BatchedSweepTrainer : ISweepTrainer
{
    public IReadOnlyList<TrainingOutcome> Train(SweepBatch batch, Action<AgentIteration> onIteration, CancellationToken stop)
    {
        // A stop before the batch starts (an interrupt during an earlier environment's batch) starts none of its agents.
        if (stop.IsCancellationRequested)
            return [];
        var settings = new BatchSettings(batch.EnvsPerAgent, batch.Hidden, batch.TargetReturn, batch.MaxIterations, batch.MaxSeconds) { Environment = batch.Environment, MaxEnvSteps = batch.MaxEnvSteps, InitialLogStd = batch.InitialLogStd, DivergenceStopsOnlyThatAgent = true };
        using var trainer = new BatchedTrainer(batch.Device, settings, batch.Agents);
        return trainer.TrainAll(step =>
        {
            foreach (AgentStep agent in step.Agents)
                onIteration(new AgentIteration(agent.Agent, agent.Report));
        }, stop);
    }
}
