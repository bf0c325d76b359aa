using PolicyGradient.Environment;
using PolicyGradient.Policy;
using PolicyGradient.Sweeps;
using PolicyGradient.Tests.Distributed;
using PolicyGradient.Training;

namespace PolicyGradient.Tests.Sweeps;

public class SweepBatchesTests
{
    /// <summary>Trains nothing: reports one iteration per agent and returns an outcome each (interrupted when told), or none once stopped.</summary>
    private sealed class RecordingTrainer(Func<SweepBatch, bool>? interrupts = null, Action<SweepBatch>? afterBatch = null) : ISweepTrainer
    {
        public List<SweepBatch> Batches { get; } = [];

        public IReadOnlyList<TrainingOutcome> Train(SweepBatch batch, Action<AgentIteration> onIteration, CancellationToken stop)
        {
            if (stop.IsCancellationRequested)
                return [];
            Batches.Add(batch);
            bool interrupted = interrupts?.Invoke(batch) ?? false;
            var outcomes = new List<TrainingOutcome>();
            for (int k = 0; k < batch.Agents.Count; k++)
            {
                onIteration(new AgentIteration(k, Report));
                outcomes.Add(new TrainingOutcome(false, 1, 8, (long)batch.Agents[k].Seed, 0.1, null, 10.0,
                    PolicyParameters.Initialise(CartPoleShapes.Layout(4), batch.Agents[k].Seed), Interrupted: interrupted));
            }
            afterBatch?.Invoke(batch);
            return outcomes;
        }
    }

    private static readonly UpdateReport Report = new()
    {
        Update = 1, Episodes = 8, MeanReturn = 10, MinReturn = 9, MaxReturn = 11, EnvSteps = 80, TotalEnvSteps = 80,
        EnvStepsPerSecond = 1e3, ElapsedSeconds = 0.1, PolicyLoss = 0.1, Entropy = 0.5, GradientNorm = 1.0,
    };

    /// <summary>One batch per environment of a grid of seeds 0-2 on CartPole-v1, Acrobot-v1 and MountainCar-v0, as `pgvec sweep` makes them.</summary>
    private static SweepBatch[] Batches()
    {
        var grid = new AgentGrid([Environments.CartPole, Environments.Acrobot, Environments.MountainCar], [0, 1, 2], [0.1], [0.99], [Objective.Reinforce]);
        return [.. grid.Environments.Select((environment, e) => new SweepBatch(null!, 8, 4, [.. grid.AgentsOn(e).Select(a => grid.Agents[a])], 0, 1, 1, environment)
        {
            FirstAgent = grid.AgentsOn(e).First(),
        })];
    }

    [Fact]
    public void Batches_train_in_turn_and_report_each_agent_by_its_index_in_the_sweep()
    {
        var trainer = new RecordingTrainer();
        var reported = new List<int>();

        IReadOnlyList<TrainingOutcome> outcomes = trainer.TrainInTurn(Batches(), i => reported.Add(i.Agent), CancellationToken.None);

        Assert.Equal([Environments.CartPole, Environments.Acrobot, Environments.MountainCar], trainer.Batches.Select(b => b.Environment));
        Assert.Equal(Enumerable.Range(0, 9), reported);
        Assert.Equal(9, outcomes.Count);
    }

    [Fact]
    public void A_batch_that_was_stopped_ends_the_sweep_before_the_next_batch_starts()
    {
        var trainer = new RecordingTrainer(interrupts: b => b.Environment == Environments.Acrobot);

        IReadOnlyList<TrainingOutcome> outcomes = trainer.TrainInTurn(Batches(), _ => { }, CancellationToken.None);

        Assert.Equal([Environments.CartPole, Environments.Acrobot], trainer.Batches.Select(b => b.Environment));
        Assert.Equal(6, outcomes.Count);
        Assert.Equal([false, false, false, true, true, true], outcomes.Select(o => o.Interrupted));
    }

    [Fact]
    public void Agent_k_of_the_sweep_trains_on_rank_k_mod_ranks_whichever_batch_it_is_in()
    {
        SweepBatch acrobot = Batches()[1];

        // Sweep agents 3, 4 and 5: 4 on rank 0; 3 and 5 on rank 1.
        Assert.Equal([1], DistributedSweepTrainer.AgentsOf(0, 2, acrobot));
        Assert.Equal([0, 2], DistributedSweepTrainer.AgentsOf(1, 2, acrobot));
    }

    [Fact]
    public void A_rank_stopped_between_batches_stops_every_rank_after_the_same_batch_with_the_same_outcomes()
    {
        var ranks = ThreadProcessGroup.Of(2);
        var outcomes = new IReadOnlyList<TrainingOutcome>[2];
        var started = new List<SweepBatch>[2];
        using var stopRankZero = new CancellationTokenSource();
        var threads = Enumerable.Range(0, 2).Select(r => new Thread(() =>
        {
            // Rank 0 is asked to stop once its share of the first batch is done; rank 1 never is.
            var local = new RecordingTrainer(afterBatch: b => { if (r == 0 && b.Environment == Environments.CartPole) stopRankZero.Cancel(); });
            outcomes[r] = new DistributedSweepTrainer(ranks[r], local).TrainInTurn(Batches(), _ => { }, r == 0 ? stopRankZero.Token : CancellationToken.None);
            started[r] = local.Batches;
        })).ToArray();
        foreach (var t in threads)
            t.Start();
        foreach (var t in threads)
            Assert.True(t.Join(TimeSpan.FromSeconds(30)), "a rank is still waiting: the ranks did not agree to stop");

        // Rank 1 trained its share of Acrobot-v1's batch (agents 3 and 5); rank 0 started none of it (agent 4):
        // the sweep lists the agents before the first that never started, and neither rank starts MountainCar-v0's batch.
        Assert.Equal([Environments.CartPole], started[0].Select(b => b.Environment));
        Assert.Equal([Environments.CartPole, Environments.Acrobot], started[1].Select(b => b.Environment));
        Assert.Equal([0L, 1, 2, 0], outcomes[0].Select(o => o.EnvSteps));
        Assert.Equal([0L, 1, 2, 0], outcomes[1].Select(o => o.EnvSteps));
    }
}
