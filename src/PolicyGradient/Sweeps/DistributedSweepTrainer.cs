using PolicyGradient.Kernels;
using System.Text.Json;
using PolicyGradient.Distributed;
using PolicyGradient.Policy;
using PolicyGradient.Training;

namespace PolicyGradient.Sweeps;

/// <summary>
/// A sweep across the ranks of an MPI job: agent k of the sweep trains on rank k mod size (so
/// every rank gets a share of every configuration), each rank's share of a batch in one batch of
/// its own device; then every rank gathers every agent's iterations and outcome, in agent order. An agent's bits depend on
/// nothing but its own settings, so each one ends as it does in a single-process sweep.
/// </summary>
internal sealed class DistributedSweepTrainer(IProcessGroup processes, ISweepTrainer local) : ISweepTrainer
{
    /// <summary>The agents of <paramref name="batch"/> (their indices in it) that rank <paramref name="rank"/> of <paramref name="size"/> trains.</summary>
    public static IReadOnlyList<int> AgentsOf(int rank, int size, SweepBatch batch) =>
        [.. Enumerable.Range(0, batch.Agents.Count).Where(k => (batch.FirstAgent + k) % size == rank)];

    public IReadOnlyList<TrainingOutcome> Train(SweepBatch batch, Action<AgentIteration> onIteration, CancellationToken stop)
    {
        IReadOnlyList<int> mine = AgentsOf(processes.Rank, processes.Size, batch);
        var iterations = new List<AgentIteration>();
        IReadOnlyList<TrainingOutcome> outcomes = mine.Count == 0 ? [] : local.Train(
            batch with { Agents = [.. mine.Select(k => batch.Agents[k])] },
            iteration =>
            {
                var inBatch = iteration with { Agent = mine[iteration.Agent] };
                iterations.Add(inBatch);
                onIteration(inBatch);
            },
            stop);

        var results = new AgentResult[batch.Agents.Count];
        byte[][] messages = processes.AllGather(JsonSerializer.SerializeToUtf8Bytes(new RankResults(
            [.. outcomes.Select((o, i) => AgentResult.Of(mine[i], o))], [.. iterations.Select(IterationResult.Of)])));
        for (int rank = 0; rank < messages.Length; rank++)
        {
            var received = JsonSerializer.Deserialize<RankResults>(messages[rank])!;
            foreach (AgentResult result in received.Outcomes)
                results[result.Agent] = result;
            if (rank == processes.Rank)
                continue;
            foreach (IterationResult iteration in received.Iterations)
                onIteration(new AgentIteration(iteration.Agent, iteration.Report));
        }
        // A rank stopped before an agent started leaves a gap; a single-process sweep lists only the agents that started.
        int started = Array.FindIndex(results, r => r is null);
        return [.. results.Take(started < 0 ? results.Length : started).Select(r => r.ToOutcome())];
    }

    /// <summary>What one rank sends: its agents' outcomes and every iteration they ran, in the order they ran.</summary>
    private sealed record RankResults(AgentResult[] Outcomes, IterationResult[] Iterations);

    private sealed record IterationResult(int Agent, UpdateReport Report)
    {
        public static IterationResult Of(AgentIteration i) => new(i.Agent, i.Report);
    }

    /// <summary>A <see cref="TrainingOutcome"/> as it travels; JSON writes doubles so they read back to the same bits.</summary>
    private sealed record AgentResult(int Agent, bool Solved, int Updates, long Episodes, long EnvSteps, double WallSeconds,
        double? SecondsToSolve, double FinalMeanReturn, PolicyLayout Layout, double[] Policy, bool Interrupted, string? Failure)
    {
        public static AgentResult Of(int agent, TrainingOutcome o) => new(agent, o.Solved, o.Updates, o.Episodes, o.EnvSteps,
            o.WallSeconds, o.SecondsToSolve, o.FinalMeanReturn, o.Policy.Layout, o.Policy.Values, o.Interrupted, o.Failure);

        public TrainingOutcome ToOutcome() => new(Solved, Updates, Episodes, EnvSteps, WallSeconds, SecondsToSolve, FinalMeanReturn,
            new PolicyParameters(Layout, Policy), Interrupted, Failure: Failure);
    }
}
