using System.Diagnostics;
using ILGPU.Runtime;
using PolicyGradient.Batched;
using PolicyGradient.Devices;
using PolicyGradient.Environment;
using PolicyGradient.Kernels;
using PolicyGradient.Policy;
using PolicyGradient.Training;

namespace PolicyGradient.Benchmarks;

/// <summary>
/// Where a small iteration's time goes, in milliseconds (medians over iterations): the whole
/// step, the same launches and copies with no work, the copies alone, an idle synchronisation,
/// the host's share, and what the step allocates.
/// </summary>
/// <param name="IdleMs">The step's uploads, launches and read-backs with every env inactive: the device's fixed cost.</param>
/// <param name="CopiesMs">The step's uploads and read-backs alone, same sizes.</param>
/// <param name="HostMs">Packing, step weights, divergence checks and Adam.</param>
/// <param name="AllocatedBytes">Managed bytes the step allocates (its report records; no buffers).</param>
internal sealed record IterationFloorResult(
    int Envs,
    int Iterations,
    double EnvStepsPerIteration,
    double IterationMs,
    double IdleMs,
    int Launches,
    double CopiesMs,
    double SynchronizeMs,
    double HostMs,
    long AllocatedBytes)
{
    public double LaunchMs => Math.Max(0.0, IdleMs - CopiesMs) / Launches;
    public double WorkMs => IterationMs - IdleMs - HostMs;

    /// <summary>The measure: the iteration less its env-steps at the peak rate.</summary>
    public double FixedMs(double peakEnvStepsPerSecond) => IterationMs - EnvStepsPerIteration / peakEnvStepsPerSecond * 1e3;
}

/// <summary>
/// The fixed cost of an iteration: a fresh policy at a zero learning rate keeps episodes short
/// (~24 steps), so at 64 envs the step's real work is small and its fixed costs show.
/// </summary>
internal static class IterationFloorBenchmark
{
    public static IterationFloorResult Measure(ComputeDevice device, EnvironmentDefinition env, int envs, int hidden, double minSeconds)
    {
        var agent = new AgentSettings(0, 0.0, 0.99, Objective.Reinforce);
        var settings = new BatchSettings(envs, hidden, double.PositiveInfinity, int.MaxValue, double.PositiveInfinity) { Environment = env };
        using var trainer = new BatchedTrainer(device, settings, [agent]);
        for (int i = 0; i < 20; i++)
            trainer.Step();

        var iterations = new List<double>();
        var host = new List<double>();
        long steps = 0;
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        Repeat(minSeconds, () =>
        {
            long start = Stopwatch.GetTimestamp();
            BatchStep step = trainer.Step();
            iterations.Add(Milliseconds(start));
            host.Add((step.Timings.Pack + step.Timings.Weights + step.Timings.Update) * 1e3);
            steps += step.EnvSteps;
        });
        long allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / iterations.Count;

        DeviceEnvironment environment = settings.Environment.Device;
        PolicyLayout layout = environment.Layout(hidden);
        using var idle = new EpisodeBatch(device, environment, 1, envs, hidden);
        idle.SetAgent(0, PolicyParameters.Initialise(layout, 0), 0, 0, 0.99f, active: false);
        var idleTimes = Timed(minSeconds / 4, () =>
        {
            idle.Rollout();
            idle.ComputeGradients();
        });

        var accelerator = device.Accelerator;
        // The packed hidden units: per unit its D weights, bias and N outputs.
        using var parameters = accelerator.Allocate1D<float>(HiddenUnitGroups.CountFor(hidden) * HiddenUnitGroups.Size * (layout.Inputs + 1 + layout.Actions));
        using var agents = accelerator.Allocate1D<AgentEpisodes>(1);
        using var statistics = accelerator.Allocate1D<double>(EpisodeStatistics.Width);
        using var gradient = accelerator.Allocate1D<double>(GradientKernel.Width(layout.Count));
        var hostParameters = new float[parameters.Length];
        var hostAgents = new AgentEpisodes[1];
        var hostStatistics = new double[statistics.Length];
        var hostGradient = new double[gradient.Length];
        var copyTimes = Timed(minSeconds / 8, () =>
        {
            parameters.View.CopyFromCPU(hostParameters);
            agents.View.CopyFromCPU(hostAgents);
            statistics.View.CopyToCPU(hostStatistics);
            agents.View.CopyFromCPU(hostAgents);
            gradient.View.CopyToCPU(hostGradient);
        });
        var synchronizeTimes = Timed(minSeconds / 8, accelerator.Synchronize);

        return new IterationFloorResult(envs, iterations.Count, (double)steps / iterations.Count, Median(iterations), Median(idleTimes),
            idle.LaunchesPerIteration, Median(copyTimes), Median(synchronizeTimes), Median(host), allocated);
    }

    private static List<double> Timed(double seconds, Action action)
    {
        var times = new List<double>();
        Repeat(seconds, () =>
        {
            long start = Stopwatch.GetTimestamp();
            action();
            times.Add(Milliseconds(start));
        });
        return times;
    }

    /// <summary>At least 100 repetitions and at least <paramref name="seconds"/>.</summary>
    private static void Repeat(double seconds, Action action)
    {
        var clock = Stopwatch.StartNew();
        for (int n = 0; n < 100 || clock.Elapsed.TotalSeconds < seconds; n++)
            action();
    }

    private static double Milliseconds(long start) => Stopwatch.GetElapsedTime(start).TotalMilliseconds;

    private static double Median(List<double> values) => Spread.Of(values.Select(v => (double?)v)).Median!.Value;
}
