using System.Diagnostics;
using PolicyGradient.Devices;
using PolicyGradient.Environment;
using PolicyGradient.Policy;
using PolicyGradient.Sweeps;
using PolicyGradient.Training;

namespace PolicyGradient.Benchmarks;

/// <summary>K agents x M envs in one batch against the same K trainings one after another, and the batch's throughput against one agent with K x M envs.</summary>
/// <param name="BatchSeconds">Wall-clock of the K agents trained together until each solved or ran out of budget (set-up included).</param>
/// <param name="SequentialSeconds">Wall-clock of the same K trainings one after another (each one's set-up included; kernels compiled once).</param>
internal sealed record SweepBenchmarkResult(
    int Agents,
    int EnvsPerAgent,
    double LearningRate,
    double BatchSeconds,
    int BatchSolved,
    double SequentialSeconds,
    int SequentialSolved,
    double BatchEnvStepsPerSecond,
    double OneAgentEnvStepsPerSecond)
{
    public double Speedup => SequentialSeconds / BatchSeconds;
    public double ThroughputRatio => BatchEnvStepsPerSecond / OneAgentEnvStepsPerSecond;
}

internal static class SweepBenchmark
{
    public static SweepBenchmarkResult Run(ComputeDevice device, EnvironmentDefinition env, double targetReturn, PolicyParameters fixedPolicy, int agents, int envsPerAgent, double learningRate, double minSeconds)
    {
        AgentSettings[] seeds = [.. Enumerable.Range(0, agents).Select(s => new AgentSettings((ulong)s, learningRate, 0.99, Objective.Reinforce))];
        var defaults = new TrainingOptions();
        var sweep = new SweepBatch(device, envsPerAgent, defaults.Hidden, seeds, targetReturn, defaults.MaxUpdates, defaults.MaxSeconds, env);

        var clock = Stopwatch.StartNew();
        IReadOnlyList<TrainingOutcome> together = new BatchedSweepTrainer().Train(sweep, _ => { }, default);
        double batchSeconds = clock.Elapsed.TotalSeconds;

        clock.Restart();
        IReadOnlyList<TrainingOutcome> oneByOne = new SequentialSweepTrainer().Train(sweep, _ => { }, default);
        double sequentialSeconds = clock.Elapsed.TotalSeconds;
        int sequentialSolved = oneByOne.Count(o => o.Solved);

        var batch = ThroughputBenchmark.Measure(device, env, fixedPolicy, envsPerAgent, 2, minSeconds, agents);
        var one = ThroughputBenchmark.Measure(device, env, fixedPolicy, agents * envsPerAgent, 2, minSeconds);
        return new SweepBenchmarkResult(agents, envsPerAgent, learningRate, batchSeconds, together.Count(o => o.Solved), sequentialSeconds, sequentialSolved,
            batch.EnvStepsPerSecond, one.EnvStepsPerSecond);
    }
}
