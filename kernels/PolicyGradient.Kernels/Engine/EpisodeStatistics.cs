namespace PolicyGradient.Kernels;

/// <summary>
/// Columns of the per-environment statistics row the rollout kernel writes (and, after the
/// reduction, of the batch's row): what the host needs to report progress and to choose the
/// REINFORCE baseline and scale before the gradient pass.
/// </summary>
public static class EpisodeStatistics
{
    public const int Steps = 0;
    public const int ReturnSum = 1;
    public const int ReturnMin = 2;
    public const int ReturnMax = 3;
    public const int ReturnsToGoSum = 4;
    public const int ReturnsToGoSquaredSum = 5;
    public const int Episodes = 6;
    /// <summary>Episodes that ended in a terminal state.</summary>
    public const int Terminated = 7;
    /// <summary>Episodes the time limit cut.</summary>
    public const int Truncated = 8;
    public const int Width = 9;
}
