using ILGPU;

namespace PolicyGradient.Kernels;

/// <summary>Which rows one launch of the column reduction folds together.</summary>
public struct ColumnReduceShape
{
    public int Rows;
    public int Width;
    public int RowsPerBlock;
    /// <summary>Columns reduced with min and max instead of a sum (-1: none).</summary>
    public int MinColumn;
    public int MaxColumn;
    /// <summary>Threads launched; each strides over (block, column) items.</summary>
    public int Threads;

    public int Blocks => (Rows + RowsPerBlock - 1) / RowsPerBlock;
}

/// <summary>
/// Reduces a [rows][width] matrix to [blocks][width], one item per (block, column), rows
/// in a fixed order with a double accumulator: the result is the same on every accelerator
/// and every run, unlike float atomics. Two launches take 1M rows to one.
/// </summary>
public static class ColumnReduceKernel
{
    public static void Run(Index1D index, ArrayView<float> input, ArrayView<float> output, ColumnReduceShape shape)
    {
        int items = shape.Blocks * shape.Width;
        for (int item = index; item < items; item += shape.Threads)
            Reduce(item, input, output, shape);
    }

    private static void Reduce(int item, ArrayView<float> input, ArrayView<float> output, ColumnReduceShape shape)
    {
        int block = item / shape.Width;
        int column = item - block * shape.Width;
        int first = block * shape.RowsPerBlock;
        int end = first + shape.RowsPerBlock;
        if (end > shape.Rows)
            end = shape.Rows;

        double acc = input[(long)first * shape.Width + column];
        for (int r = first + 1; r < end; r++)
        {
            double v = input[(long)r * shape.Width + column];
            if (column == shape.MinColumn)
                acc = v < acc ? v : acc;
            else if (column == shape.MaxColumn)
                acc = v > acc ? v : acc;
            else
                acc += v;
        }
        output[item] = (float)acc;
    }
}
