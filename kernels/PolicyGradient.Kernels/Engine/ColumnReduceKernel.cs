using ILGPU;
using ILGPU.Runtime;

namespace PolicyGradient.Kernels;

/// <summary>Which rows one launch of the column reduction folds together: per agent, blocks of its rows.</summary>
internal struct ColumnReduceShape
{
    public int Agents;
    /// <summary>Input rows per agent; agent k's rows are k * RowsPerAgent onwards.</summary>
    public int RowsPerAgent;
    public int RowsPerBlock;
    public int Width;
    /// <summary>Columns reduced with min and max instead of a sum (-1: none).</summary>
    public int MinColumn;
    public int MaxColumn;
    /// <summary>Threads launched; each strides over (agent, block, column) items.</summary>
    public int Threads;

    /// <summary>Output rows per agent.</summary>
    public readonly int BlocksPerAgent => (RowsPerAgent + RowsPerBlock - 1) / RowsPerBlock;

    /// <summary>Folds <paramref name="value"/> into a column's running result: min, max or sum (the device's reduction and the host's combine across processes alike).</summary>
    public readonly double Fold(int column, double result, double value) =>
        column == MinColumn ? (value < result ? value : result)
        : column == MaxColumn ? (value > result ? value : result)
        : result + value;
}

/// <summary>
/// Reduces each agent's [rows][width] matrix to [blocks][width], one item per (agent, block,
/// column), rows in a fixed order with a double accumulator: the result depends only on the rows
/// per agent, never on the agent's slot, the number of agents, the accelerator or the thread
/// count (unlike float atomics). Two launches take 1M rows per agent to one. Items are numbered
/// column-fastest, so neighbouring threads read neighbouring columns of a row.
/// </summary>
internal static class ColumnReduceKernel
{
    /// <param name="input">index (column, row).</param>
    /// <param name="output">index (column, agent * BlocksPerAgent + block).</param>
    public static void Run(
        Index1D index,
        ArrayView<AgentEpisodes> agents,
        ArrayView2D<double, Stride2D.DenseX> input,
        ArrayView2D<double, Stride2D.DenseX> output,
        ColumnReduceShape shape)
    {
        int blocks = shape.BlocksPerAgent;
        int items = shape.Agents * blocks * shape.Width;
        for (int item = index; item < items; item += shape.Threads)
        {
            int row = item / shape.Width;
            int agent = row / blocks;
            if (agents[agent].Active != 0)
                Reduce(item - row * shape.Width, agent, row - agent * blocks, input, output, shape);
        }
    }

    private static void Reduce(int column, int agent, int block, ArrayView2D<double, Stride2D.DenseX> input, ArrayView2D<double, Stride2D.DenseX> output, ColumnReduceShape shape)
    {
        int agentFirst = agent * shape.RowsPerAgent;
        int first = agentFirst + block * shape.RowsPerBlock;
        int end = first + shape.RowsPerBlock;
        if (end > agentFirst + shape.RowsPerAgent)
            end = agentFirst + shape.RowsPerAgent;

        double acc = input[column, first];
        for (int r = first + 1; r < end; r++)
            acc = shape.Fold(column, acc, input[column, r]);
        output[column, agent * shape.BlocksPerAgent + block] = acc;
    }
}
