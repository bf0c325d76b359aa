using System.Diagnostics;
using PolicyGradient.Batched;
using PolicyGradient.Devices;
using PolicyGradient.Environment;
using PolicyGradient.Policy;
using PolicyGradient.Training;

namespace PolicyGradient.Benchmarks;

/// <summary>One row of the throughput table: a full training iteration's work at one env count.</summary>
internal sealed record ThroughputResult(
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
internal static class ThroughputBenchmark
{
    /// <summary>
    /// The fixed policy, with how the report names it. CartPole-v1: what the single-env trainer
    /// learns with default options and seed 0 (deterministic, and it balances for hundreds of
    /// steps, like a policy late in training). Another environment: its initial policy (seed 0),
    /// as the baseline has no default that learns it in a bounded time.
    /// </summary>
    public static (PolicyParameters Policy, string Description) FixedPolicy(EnvironmentDefinition env, int hidden) => env == Environments.CartPole
        ? (new SingleEnvTrainer(new TrainingOptions { Hidden = hidden, MaxUpdates = 5000, MaxSeconds = double.PositiveInfinity }).Train().Policy,
            "the baseline's trained one (seed 0)")
        : (PolicyParameters.Initialise(env.Device.Layout(hidden), 0), $"{env.Id}'s initial one (seed 0; a trained one is CartPole-v1's only)");

    /// <summary>
    /// Runs at least <paramref name="minIterations"/> steps and at least <paramref name="minSeconds"/>, after one warm-up,
    /// of <paramref name="agents"/> agents x <paramref name="envsPerAgent"/> envs that all play <paramref name="policy"/>
    /// (each with its own seed): the trainer's own step with a zero learning rate, so Adam runs and the policy stays.
    /// </summary>
    public static ThroughputResult Measure(ComputeDevice device, EnvironmentDefinition env, PolicyParameters policy, int envsPerAgent, int minIterations, double minSeconds, int agents = 1)
    {
        var settings = new BatchSettings(envsPerAgent, policy.Hidden, double.PositiveInfinity, int.MaxValue, double.PositiveInfinity) { Environment = env };
        var agentSettings = Enumerable.Range(1, agents).Select(seed => new AgentSettings((ulong)seed, 0.0, 0.99, Objective.Reinforce)).ToArray();
        var states = agentSettings.Select(a => BatchedTrainingState.Start(a.ApplyTo(new TrainingOptions { Hidden = policy.Hidden, Environment = env }), policy)).ToArray();
        using var trainer = new BatchedTrainer(device, settings, agentSettings, states);

        trainer.Step();
        var timings = default(StepTimings);
        var clock = Stopwatch.StartNew();
        long steps = 0;
        int iterations = 0;
        while (iterations < minIterations || clock.Elapsed.TotalSeconds < minSeconds)
        {
            BatchStep step = trainer.Step();
            timings += step.Timings;
            steps += step.EnvSteps;
            iterations++;
        }
        double seconds = clock.Elapsed.TotalSeconds;
        int envs = agents * envsPerAgent;
        return new ThroughputResult(envs, iterations, steps, seconds, steps / seconds, (double)steps / ((long)iterations * envs),
            timings.Rollout, timings.Gradient, timings.Pack + timings.Weights + timings.Update,
            env.Device.BytesPerEnv(policy.Hidden, env.Device.MaxEpisodeSteps) * envs);
    }
}
