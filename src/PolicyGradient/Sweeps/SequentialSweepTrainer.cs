using PolicyGradient.Training;

namespace PolicyGradient.Sweeps;

/// <summary>
/// The agents trained one after another, each exactly as `train` trains it (a fresh
/// <see cref="BatchedTrainer"/> with the agent's options), so agent k ends with the bits a
/// `train` run of its settings ends with. Also the reference a batched sweep is measured against.
/// </summary>
internal sealed class SequentialSweepTrainer : ISweepTrainer
{
    public IReadOnlyList<TrainingOutcome> Train(SweepBatch batch, Action<AgentIteration> onIteration, CancellationToken stop)
    {
        var outcomes = new List<TrainingOutcome>(batch.Agents.Count);
        for (int agent = 0; agent < batch.Agents.Count && !stop.IsCancellationRequested; agent++)
        {
            TrainingOptions options = batch.OptionsFor(agent);
            using var trainer = new BatchedTrainer(batch.Device, batch.EnvsPerAgent, options);
            int current = agent;
            outcomes.Add(trainer.Train(r => onIteration(new AgentIteration(current, r)), stop));
        }
        return outcomes;
    }
}
