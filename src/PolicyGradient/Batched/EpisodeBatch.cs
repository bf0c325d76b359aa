using ILGPU;
using ILGPU.Runtime;
using PolicyGradient.Devices;
using PolicyGradient.Kernels;

namespace PolicyGradient.Batched;

/// <summary>
/// Device buffers for N environments and one call that runs an episode in each and reduces
/// their gradient sums on the device: the host uploads the parameters and reads back one row.
/// </summary>
public sealed class EpisodeBatch : IDisposable
{
    private readonly DeviceKernels _kernels;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _parameters;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _traces;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _sums;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _blockSums;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _total;
    private MemoryBuffer1D<float, Stride1D.Dense>? _trajectories;
    private readonly ColumnReduceShape _perBlock;
    private readonly ColumnReduceShape _perBatch;

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
        _perBatch = new ColumnReduceShape { Rows = blocks, Width = Shape.Width, RowsPerBlock = blocks, MinColumn = minColumn, MaxColumn = maxColumn };

        _parameters = accelerator.Allocate1D<float>(Layout.Count);
        _traces = accelerator.Allocate1D<float>((long)envs * Layout.Count);
        _sums = accelerator.Allocate1D<float>((long)envs * Shape.Width);
        _blockSums = accelerator.Allocate1D<float>((long)blocks * Shape.Width);
        _total = accelerator.Allocate1D<float>(Shape.Width);
    }

    public int Envs { get; }
    public int Hidden { get; }
    public int MaxSteps { get; }
    public PolicyLayout Layout { get; }
    public EpisodeSums Shape { get; }

    /// <summary>Device memory this batch holds per environment, in bytes.</summary>
    public long BytesPerEnv => (Layout.Count + (long)Shape.Width) * sizeof(float);

    /// <summary>Runs one episode per environment with these parameters and returns the reduced sums.</summary>
    public BatchSums Run(float[] parameters, EpisodeConfig config)
    {
        Launch(parameters, config, record: false);
        return new BatchSums(_total.GetAsArray1D(), Layout.Count);
    }

    /// <summary>
    /// The same episodes as <see cref="Run"/> (same streams) with every observation and action
    /// kept, for checking the device against the host reference.
    /// </summary>
    public (BatchSums Sums, float[] PerEnvSums, float[] Trajectories) Record(float[] parameters, EpisodeConfig config)
    {
        _trajectories ??= _kernels.Accelerator.Allocate1D<float>((long)Envs * MaxSteps * 5);
        Launch(parameters, config, record: true);
        return (new BatchSums(_total.GetAsArray1D(), Layout.Count), _sums.GetAsArray1D(), _trajectories.GetAsArray1D());
    }

    private void Launch(float[] parameters, EpisodeConfig config, bool record)
    {
        if (parameters.Length != Layout.Count)
            throw new ArgumentException($"expected {Layout.Count} parameters, got {parameters.Length}", nameof(parameters));
        config.Hidden = Hidden;
        config.MaxSteps = MaxSteps;
        config.Record = record ? 1 : 0;
        _parameters.View.CopyFromCPU(parameters);
        ArrayView<float> trajectories = record ? _trajectories!.View : _traces.View.SubView(0, 1);
        _kernels.Episode(Envs, _parameters.View, _traces.View, _sums.View, trajectories, config);
        _kernels.ColumnReduce(_perBlock.Blocks * Shape.Width, _sums.View, _blockSums.View, _perBlock);
        _kernels.ColumnReduce(Shape.Width, _blockSums.View, _total.View, _perBatch);
    }

    public void Dispose()
    {
        _parameters.Dispose();
        _traces.Dispose();
        _sums.Dispose();
        _blockSums.Dispose();
        _total.Dispose();
        _trajectories?.Dispose();
    }
}
