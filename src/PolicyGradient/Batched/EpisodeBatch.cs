using ILGPU;
using ILGPU.Runtime;
using PolicyGradient.Devices;
using PolicyGradient.Kernels;

namespace PolicyGradient.Batched;

/// <summary>
/// Device buffers for N environments and the two halves of an iteration: play one episode in
/// each environment (the host reads back one row of statistics), then compute and reduce the
/// loss gradient with weights the host chose from those statistics (the host reads back one
/// gradient vector). Trajectories never leave the device.
/// </summary>
public sealed class EpisodeBatch : IDisposable
{
    private readonly DeviceKernels _kernels;
    private readonly MemoryBuffer1D<HiddenUnitGroup, Stride1D.Dense> _units;
    private readonly MemoryBuffer1D<StepRecord, Stride1D.Dense> _trajectories;
    private readonly ColumnSums _statistics;
    private readonly ColumnSums _gradients;
    private readonly int _rolloutThreads;
    private readonly int _gradientThreads;
    private EpisodeConfig _config;

    public EpisodeBatch(ComputeDevice device, int envs, int hidden, int maxSteps)
    {
        if (envs < 1)
            throw new ArgumentOutOfRangeException(nameof(envs), envs, "at least one environment");
        Envs = envs;
        Hidden = hidden;
        MaxSteps = maxSteps;
        Layout = new PolicyLayout(hidden);
        DeviceMemory.EnsureFits(device, envs, BytesPerEnv(hidden, maxSteps));
        _kernels = device.Kernels;
        _units = device.Accelerator.Allocate1D<HiddenUnitGroup>(HiddenUnitGroup.CountFor(hidden));
        _trajectories = device.Accelerator.Allocate1D<StepRecord>((long)envs * maxSteps);
        _statistics = new ColumnSums(device, envs, EpisodeStatistics.Width, EpisodeStatistics.ReturnMin, EpisodeStatistics.ReturnMax);
        _gradients = new ColumnSums(device, envs, GradientKernel.Width(Layout.Count), -1, -1);
        _rolloutThreads = device.ThreadsFor(envs);
        _gradientThreads = device.ThreadsFor(envs * HiddenUnitGroup.CountFor(hidden));
    }

    public int Envs { get; }
    public int Hidden { get; }
    public int MaxSteps { get; }
    public PolicyLayout Layout { get; }

    /// <summary>Device memory per environment, in bytes: its trajectory, statistics and gradient rows.</summary>
    public static long BytesPerEnv(int hidden, int maxSteps) =>
        (long)maxSteps * ArrayView<StepRecord>.ElementSize
        + (EpisodeStatistics.Width + (long)GradientKernel.Width(PolicyLayout.CountFor(hidden))) * sizeof(float);

    /// <summary>Plays one episode per environment with this policy; returns the batch's statistics.</summary>
    public BatchStatistics Rollout(PackedPolicy policy, EpisodeConfig config)
    {
        if (policy.Hidden != Hidden)
            throw new ArgumentException($"the batch was made for {Hidden} hidden units, the policy has {policy.Hidden}", nameof(policy));
        config = policy.Into(config);
        config.MaxSteps = MaxSteps;
        config.Envs = Envs;
        _units.View.CopyFromCPU(policy.Groups);
        config.Threads = _rolloutThreads;
        _kernels.Rollout(config.Threads, _units.View, _trajectories.View, _statistics.Rows, config);
        _config = config;
        return new BatchStatistics(_statistics.Reduce(_kernels));
    }

    /// <summary>The loss gradient of the last rollout's episodes, weighted as given, with the loss and entropy.</summary>
    public BatchGradient Gradient(GradientWeights weights)
    {
        var config = _config;
        config.Threads = _gradientThreads;
        _kernels.Gradient(config.Threads, _units.View, _trajectories.View, _statistics.Rows, _gradients.Rows, config, weights);
        float[] row = _gradients.Reduce(_kernels);
        int count = Layout.Count;
        return new BatchGradient(
            Array.ConvertAll(row[..count], v => (double)v),
            row[GradientKernel.LossColumn(count)],
            row[GradientKernel.EntropyColumn(count)]);
    }

    /// <summary>The last rollout's steps and per-environment statistics, for checks against the host reference.</summary>
    public (StepRecord[] Trajectories, float[] Statistics) ReadLastRollout() =>
        (_trajectories.GetAsArray1D(), ((ArrayView1D<float, Stride1D.Dense>)_statistics.Rows).GetAsArray1D());

    public void Dispose()
    {
        _units.Dispose();
        _trajectories.Dispose();
        _statistics.Dispose();
        _gradients.Dispose();
    }
}
