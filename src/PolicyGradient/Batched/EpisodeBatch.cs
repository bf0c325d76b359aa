using ILGPU;
using ILGPU.Runtime;
using PolicyGradient.Devices;
using PolicyGradient.Kernels;

namespace PolicyGradient.Batched;

/// <summary>
/// Device buffers for N environments and one call that plays an episode in each, computes
/// every episode's gradient sums and reduces them on the device: the host uploads the packed
/// policy and reads back one row.
/// </summary>
public sealed class EpisodeBatch : IDisposable
{
    private readonly DeviceKernels _kernels;
    private readonly MemoryBuffer1D<HiddenUnit, Stride1D.Dense> _units;
    private readonly MemoryBuffer1D<StepRecord, Stride1D.Dense> _trajectories;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _sums;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _blockSums;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _total;
    private readonly ColumnReduceShape _perBlock;
    private readonly ColumnReduceShape _perBatch;
    private readonly int _rolloutThreads;
    private readonly int _gradientThreads;

    public EpisodeBatch(ComputeDevice device, int envs, int hidden, int maxSteps)
    {
        if (envs < 1)
            throw new ArgumentOutOfRangeException(nameof(envs), envs, "at least one environment");
        Envs = envs;
        Hidden = hidden;
        MaxSteps = maxSteps;
        Layout = new PolicyLayout(hidden);
        Shape = new EpisodeSums(Layout.Count);
        _kernels = device.Kernels;
        var accelerator = device.Accelerator;

        // Two launches of ~sqrt(N) rows each keep both stages wide on a GPU and short per thread.
        int rowsPerBlock = Math.Max(1, (int)Math.Ceiling(Math.Sqrt(envs)));
        int minColumn = Shape.Statistics + EpisodeSums.ReturnMin;
        int maxColumn = Shape.Statistics + EpisodeSums.ReturnMax;
        _perBlock = new ColumnReduceShape { Rows = envs, Width = Shape.Width, RowsPerBlock = rowsPerBlock, MinColumn = minColumn, MaxColumn = maxColumn };
        int blocks = _perBlock.Blocks;
        _perBlock.Threads = device.ThreadsFor(blocks * Shape.Width);
        _perBatch = new ColumnReduceShape { Rows = blocks, Width = Shape.Width, RowsPerBlock = blocks, MinColumn = minColumn, MaxColumn = maxColumn };
        _perBatch.Threads = device.ThreadsFor(Shape.Width);
        _rolloutThreads = device.ThreadsFor(envs);
        _gradientThreads = device.ThreadsFor(envs * hidden);

        _units = accelerator.Allocate1D<HiddenUnit>(hidden);
        _trajectories = accelerator.Allocate1D<StepRecord>((long)envs * maxSteps);
        _sums = accelerator.Allocate1D<float>((long)envs * Shape.Width);
        _blockSums = accelerator.Allocate1D<float>((long)blocks * Shape.Width);
        _total = accelerator.Allocate1D<float>(Shape.Width);
    }

    public int Envs { get; }
    public int Hidden { get; }
    public int MaxSteps { get; }
    public PolicyLayout Layout { get; }
    public EpisodeSums Shape { get; }

    /// <summary>Device memory per environment, in bytes: its trajectory and its row of sums.</summary>
    public static long BytesPerEnv(int hidden, int maxSteps) =>
        (long)maxSteps * ArrayView<StepRecord>.ElementSize + (long)new EpisodeSums(PolicyLayout.CountFor(hidden)).Width * sizeof(float);

    /// <summary>Plays one episode per environment with this policy and returns the reduced sums.</summary>
    public BatchSums Run(PackedPolicy policy, EpisodeConfig config)
    {
        if (policy.Hidden != Hidden)
            throw new ArgumentException($"the batch was made for {Hidden} hidden units, the policy has {policy.Hidden}", nameof(policy));
        config = policy.Into(config);
        config.MaxSteps = MaxSteps;
        config.Envs = Envs;
        _units.View.CopyFromCPU(policy.Units);
        config.Threads = _rolloutThreads;
        _kernels.Rollout(config.Threads, _units.View, _trajectories.View, _sums.View, config);
        config.Threads = _gradientThreads;
        _kernels.Gradient(config.Threads, _units.View, _trajectories.View, _sums.View, config);
        _kernels.ColumnReduce(_perBlock.Threads, _sums.View, _blockSums.View, _perBlock);
        _kernels.ColumnReduce(_perBatch.Threads, _blockSums.View, _total.View, _perBatch);
        return new BatchSums(_total.GetAsArray1D(), Layout.Count);
    }

    /// <summary>The last run's episodes and per-environment rows, for checking against the host reference.</summary>
    public (StepRecord[] Trajectories, float[] PerEnvSums) ReadLastRun() =>
        (_trajectories.GetAsArray1D(), _sums.GetAsArray1D());

    public void Dispose()
    {
        _units.Dispose();
        _trajectories.Dispose();
        _sums.Dispose();
        _blockSums.Dispose();
        _total.Dispose();
    }
}
