using ILGPU;
using ILGPU.Runtime;
using System.Runtime.InteropServices;
using PolicyGradient.Devices;
using PolicyGradient.Distributed;
using PolicyGradient.Kernels;

namespace PolicyGradient.Batched;

/// <summary>
/// A [agents x rows][width] device matrix of float64 and its deterministic reduction to one row
/// per agent. On a GPU, two stages: ~sqrt(rows) blocks of ~sqrt(rows) rows, then the blocks, so
/// both launches stay wide and short per thread. The CPU accelerator runs a handful of threads
/// and pays ~30-60 us per launch, so it sums each column's rows in one launch. Either order
/// depends on the rows per agent and the device kind only. The host copy is reused: reading
/// back allocates nothing.
/// </summary>
internal sealed class ColumnSums : IDisposable
{
    private readonly MemoryBuffer1D<double, Stride1D.Dense> _rows;
    private readonly MemoryBuffer1D<double, Stride1D.Dense> _blocks;
    private readonly MemoryBuffer1D<double, Stride1D.Dense> _totals;
    private readonly ColumnReduceShape _perBlock;
    private readonly ColumnReduceShape _perAgent;
    private readonly double[] _host;

    public ColumnSums(ComputeDevice device, int agents, int rowsPerAgent, int width, int minColumn, int maxColumn)
    {
        Width = width;
        int rowsPerBlock = device.Kind == DeviceKind.Cpu ? rowsPerAgent : Math.Max(1, (int)Math.Ceiling(Math.Sqrt(rowsPerAgent)));
        _perBlock = new ColumnReduceShape { Agents = agents, RowsPerAgent = rowsPerAgent, RowsPerBlock = rowsPerBlock, Width = width, MinColumn = minColumn, MaxColumn = maxColumn };
        int blocks = _perBlock.BlocksPerAgent;
        _perBlock.Threads = device.ThreadsFor(agents * blocks * width);
        _perAgent = new ColumnReduceShape { Agents = agents, RowsPerAgent = blocks, RowsPerBlock = blocks, Width = width, MinColumn = minColumn, MaxColumn = maxColumn };
        _perAgent.Threads = device.ThreadsFor(agents * width);
        _rows = device.Accelerator.Allocate1D<double>((long)agents * rowsPerAgent * width);
        _blocks = device.Accelerator.Allocate1D<double>((long)agents * blocks * width);
        _totals = device.Accelerator.Allocate1D<double>((long)agents * width);
        _host = new double[agents * width];
        Rows = _rows.View.As2DDenseXView(new LongIndex2D(width, (long)agents * rowsPerAgent));
    }

    public int Width { get; }

    /// <summary>Kernel launches per <see cref="Reduce"/>: one stage or two.</summary>
    public int Launches => _perBlock.BlocksPerAgent == 1 ? 1 : 2;

    /// <summary>Index (column, row): each row's columns side by side.</summary>
    public ArrayView2D<double, Stride2D.DenseX> Rows { get; }

    /// <summary>Reduces every active agent's rows and reads the agents' rows back (one synchronisation); an inactive agent's row keeps its last values.</summary>
    public void Reduce(DeviceKernels kernels, ArrayView<AgentEpisodes> agents)
    {
        var totals = _totals.View.As2DDenseXView(new LongIndex2D(Width, _totals.Length / Width));
        if (Launches == 1)
        {
            kernels.ColumnReduce(_perBlock.Threads, agents, Rows, totals, _perBlock);
        }
        else
        {
            var blocks = _blocks.View.As2DDenseXView(new LongIndex2D(Width, _blocks.Length / Width));
            kernels.ColumnReduce(_perBlock.Threads, agents, Rows, blocks, _perBlock);
            kernels.ColumnReduce(_perAgent.Threads, agents, blocks, totals, _perAgent);
        }
        _totals.View.CopyToCPU(_host);
    }

    /// <summary>
    /// Replaces each agent's row with every process's combined, rank 0's first and the others
    /// after it in rank order (sums, or min and max): every process holds the same bits.
    /// </summary>
    public void CombineAcross(IProcessGroup processes)
    {
        if (processes.Size == 1)
            return;
        byte[][] gathered = processes.AllGather(MemoryMarshal.AsBytes(_host.AsSpan()));
        MemoryMarshal.Cast<byte, double>(gathered[0]).CopyTo(_host);
        for (int rank = 1; rank < gathered.Length; rank++)
        {
            ReadOnlySpan<double> rows = MemoryMarshal.Cast<byte, double>(gathered[rank]);
            for (int i = 0; i < _host.Length; i++)
                _host[i] = _perBlock.Fold(i % Width, _host[i], rows[i]);
        }
    }

    /// <summary>Agent <paramref name="agent"/>'s reduced row as last read back.</summary>
    public ReadOnlySpan<double> Total(int agent) => _host.AsSpan(agent * Width, Width);

    public void Dispose()
    {
        _rows.Dispose();
        _blocks.Dispose();
        _totals.Dispose();
    }
}
