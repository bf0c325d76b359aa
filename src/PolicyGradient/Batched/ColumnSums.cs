using ILGPU;
using ILGPU.Runtime;
using PolicyGradient.Devices;
using PolicyGradient.Kernels;

namespace PolicyGradient.Batched;

/// <summary>
/// A [rows][width] device matrix and its deterministic two-stage reduction to one row:
/// ~sqrt(rows) blocks of ~sqrt(rows) rows, then the blocks, so both launches stay wide on a
/// GPU and short per thread.
/// </summary>
internal sealed class ColumnSums : IDisposable
{
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _rows;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _blocks;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _total;
    private readonly ColumnReduceShape _perBlock;
    private readonly ColumnReduceShape _perBatch;

    public ColumnSums(ComputeDevice device, int rows, int width, int minColumn, int maxColumn)
    {
        int rowsPerBlock = Math.Max(1, (int)Math.Ceiling(Math.Sqrt(rows)));
        _perBlock = new ColumnReduceShape { Rows = rows, Width = width, RowsPerBlock = rowsPerBlock, MinColumn = minColumn, MaxColumn = maxColumn };
        int blocks = _perBlock.Blocks;
        _perBlock.Threads = device.ThreadsFor(blocks * width);
        _perBatch = new ColumnReduceShape { Rows = blocks, Width = width, RowsPerBlock = blocks, MinColumn = minColumn, MaxColumn = maxColumn };
        _perBatch.Threads = device.ThreadsFor(width);
        _rows = device.Accelerator.Allocate1D<float>((long)rows * width);
        _blocks = device.Accelerator.Allocate1D<float>((long)blocks * width);
        _total = device.Accelerator.Allocate1D<float>(width);
    }

    public ArrayView<float> Rows => _rows.View;

    public float[] Reduce(DeviceKernels kernels)
    {
        kernels.ColumnReduce(_perBlock.Threads, _rows.View, _blocks.View, _perBlock);
        kernels.ColumnReduce(_perBatch.Threads, _blocks.View, _total.View, _perBatch);
        return _total.GetAsArray1D();
    }

    public void Dispose()
    {
        _rows.Dispose();
        _blocks.Dispose();
        _total.Dispose();
    }
}
