using PolicyGradient.Kernels;

namespace PolicyGradient.Batched;

/// <summary>One agent's episode statistics, read from the device's reduced <see cref="EpisodeStatistics"/> row (float64: counts exact to 2^53).</summary>
internal readonly struct BatchStatistics
{
    public BatchStatistics(ReadOnlySpan<double> row)
    {
        if (row.Length != EpisodeStatistics.Width)
            throw new ArgumentException($"expected {EpisodeStatistics.Width} values, got {row.Length}", nameof(row));
        Steps = (long)row[EpisodeStatistics.Steps];
        Episodes = (long)row[EpisodeStatistics.Episodes];
        ReturnSum = row[EpisodeStatistics.ReturnSum];
        ReturnMin = row[EpisodeStatistics.ReturnMin];
        ReturnMax = row[EpisodeStatistics.ReturnMax];
        ReturnsToGoSum = row[EpisodeStatistics.ReturnsToGoSum];
        ReturnsToGoSquaredSum = row[EpisodeStatistics.ReturnsToGoSquaredSum];
        Terminated = (long)row[EpisodeStatistics.Terminated];
        Truncated = (long)row[EpisodeStatistics.Truncated];
    }

    public long Steps { get; }
    public long Episodes { get; }
    public double ReturnSum { get; }
    public double ReturnMin { get; }
    public double ReturnMax { get; }
    public double ReturnsToGoSum { get; }
    public double ReturnsToGoSquaredSum { get; }
    /// <summary>Episodes that ended in a terminal state.</summary>
    public long Terminated { get; }
    /// <summary>Episodes the time limit cut.</summary>
    public long Truncated { get; }
    public double MeanReturn => ReturnSum / Episodes;
}
