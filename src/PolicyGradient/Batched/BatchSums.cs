using PolicyGradient.Kernels;

namespace PolicyGradient.Batched;

/// <summary>What one batch of device episodes hands back to the host: one reduced <see cref="EpisodeSums"/> row.</summary>
public sealed class BatchSums
{
    public BatchSums(float[] row, int parameterCount)
    {
        var shape = new EpisodeSums(parameterCount);
        if (row.Length != shape.Width)
            throw new ArgumentException($"expected {shape.Width} values, got {row.Length}", nameof(row));
        WeightedGradient = row[shape.WeightedGradient..shape.Gradient];
        Gradient = row[shape.Gradient..shape.Statistics];
        ReadOnlySpan<float> stats = row.AsSpan(shape.Statistics);
        Steps = (long)Math.Round((double)stats[EpisodeSums.Steps]);
        Episodes = (int)Math.Round((double)stats[EpisodeSums.Episodes]);
        ReturnSum = stats[EpisodeSums.ReturnSum];
        ReturnMin = stats[EpisodeSums.ReturnMin];
        ReturnMax = stats[EpisodeSums.ReturnMax];
        ReturnsToGoSum = stats[EpisodeSums.ReturnsToGoSum];
        ReturnsToGoSquaredSum = stats[EpisodeSums.ReturnsToGoSquaredSum];
    }

    /// <summary>sum over episodes and steps of w_t * grad log pi (see <see cref="EpisodeSums"/>).</summary>
    public float[] WeightedGradient { get; }
    /// <summary>sum over episodes and steps of grad log pi.</summary>
    public float[] Gradient { get; }
    public long Steps { get; }
    public int Episodes { get; }
    public double ReturnSum { get; }
    public double ReturnMin { get; }
    public double ReturnMax { get; }
    public double ReturnsToGoSum { get; }
    public double ReturnsToGoSquaredSum { get; }
    public double MeanReturn => ReturnSum / Episodes;
}
