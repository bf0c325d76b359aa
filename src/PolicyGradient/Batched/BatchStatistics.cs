using PolicyGradient.Kernels;

namespace PolicyGradient.Batched;

/// <summary>A batch's episode statistics, read from the device's reduced <see cref="EpisodeStatistics"/> row.</summary>
public sealed class BatchStatistics
{
    public BatchStatistics(ReadOnlySpan<float> row)
    {
        if (row.Length != EpisodeStatistics.Width)
            throw new ArgumentException($"expected {EpisodeStatistics.Width} values, got {row.Length}", nameof(row));
        Steps = (long)Math.Round((double)row[EpisodeStatistics.Steps]);
        Episodes = (int)Math.Round((double)row[EpisodeStatistics.Episodes]);
        ReturnSum = row[EpisodeStatistics.ReturnSum];
        ReturnMin = row[EpisodeStatistics.ReturnMin];
        ReturnMax = row[EpisodeStatistics.ReturnMax];
        ReturnsToGoSum = row[EpisodeStatistics.ReturnsToGoSum];
        ReturnsToGoSquaredSum = row[EpisodeStatistics.ReturnsToGoSquaredSum];
    }

    public long Steps { get; }
    public int Episodes { get; }
    public double ReturnSum { get; }
    public double ReturnMin { get; }
    public double ReturnMax { get; }
    public double ReturnsToGoSum { get; }
    public double ReturnsToGoSquaredSum { get; }
    public double MeanReturn => ReturnSum / Episodes;
}
