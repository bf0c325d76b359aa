using System.Diagnostics;
using PolicyGradient.Batched;
using PolicyGradient.Devices;
using PolicyGradient.Environment;
using PolicyGradient.Kernels;
using PolicyGradient.Optimization;
using PolicyGradient.Policy;
using PolicyGradient.Training;

namespace PolicyGradient.Benchmarks;

/// <summary>One row of the throughput table: a full training iteration's work at one env count.</summary>
public sealed record ThroughputResult(
    int Envs,
    int Iterations,
    long EnvSteps,
    double Seconds,
    double EnvStepsPerSecond,
    double MeanEpisodeLength,
    double RolloutSeconds,
    double GradientSeconds,
    double HostSeconds,
    long DeviceBytes);

/// <summary>
/// Env-steps per second of whole iterations (rollout, gradient, reductions, copies, Adam) with
/// a fixed policy, so every env count does the same kind of work; the time is split by phase.
/// </summary>
public static class ThroughputBenchmark
{
    /// <summary>
    /// The fixed policy: what the single-env trainer learns with default options and seed 0
    /// (deterministic, and it balances for hundreds of steps, like a policy late in training).
    /// </summary>
    public static PolicyParameters FixedPolicy(int hidden) =>
        new SingleEnvTrainer(new TrainingOptions { Hidden = hidden, MaxUpdates = 5000, MaxSeconds = double.PositiveInfinity }).Train().Policy;

    /// <summary>Runs at least <paramref name="minIterations"/> iterations and at least <paramref name="minSeconds"/>, after one warm-up.</summary>
    public static ThroughputResult Measure(ComputeDevice device, PolicyParameters policy, int envs, int minIterations, double minSeconds)
    {
        using var batch = new EpisodeBatch(device, envs, policy.Hidden, CartPole.MaxEpisodeSteps);
        var adam = new Adam(policy.Layout.Count, 0.01);
        var scratch = (double[])policy.Values.Clone();
        var config = new EpisodeConfig { Seed = 1, Gamma = 0.99f };

        RunIteration(batch, policy, adam, scratch, config, new Stopwatch(), new Stopwatch(), new Stopwatch());
        var rollout = new Stopwatch();
        var gradient = new Stopwatch();
        var host = new Stopwatch();
        var clock = Stopwatch.StartNew();
        long steps = 0;
        int iterations = 0;
        while (iterations < minIterations || clock.Elapsed.TotalSeconds < minSeconds)
        {
            config.Iteration = iterations + 1;
            steps += RunIteration(batch, policy, adam, scratch, config, rollout, gradient, host);
            iterations++;
        }
        double seconds = clock.Elapsed.TotalSeconds;
        return new ThroughputResult(envs, iterations, steps, seconds, steps / seconds, (double)steps / ((long)iterations * envs),
            rollout.Elapsed.TotalSeconds, gradient.Elapsed.TotalSeconds, host.Elapsed.TotalSeconds,
            EpisodeBatch.BytesPerEnv(policy.Hidden, CartPole.MaxEpisodeSteps) * envs);
    }

    private static long RunIteration(EpisodeBatch batch, PolicyParameters policy, Adam adam, double[] scratch, EpisodeConfig config,
        Stopwatch rollout, Stopwatch gradient, Stopwatch host)
    {
        host.Start();
        var packed = PackedPolicy.From(policy);
        host.Stop();
        rollout.Start();
        BatchStatistics statistics = batch.Rollout(packed, config);
        rollout.Stop();
        gradient.Start();
        double[] grad = batch.Gradient(LossWeights.For(Objective.Reinforce, statistics)).Gradient;
        gradient.Stop();
        // Adam's cost belongs to the iteration; it updates a scratch copy so the policy stays fixed.
        host.Start();
        adam.Step(scratch, grad);
        host.Stop();
        return statistics.Steps;
    }
}
