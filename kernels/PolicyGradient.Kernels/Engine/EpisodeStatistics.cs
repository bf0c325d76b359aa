using ILGPU;
using ILGPU.Runtime;

namespace PolicyGradient.Kernels;

/// <summary>
/// Columns of the per-environment statistics row the rollout kernel writes (and, after the
/// reduction, of the batch's row): what the host needs to report progress and to choose the
/// REINFORCE baseline and scale before the gradient pass.
/// </summary>
internal static class EpisodeStatistics
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

    /// <summary>
    /// Writes env <paramref name="env"/>'s row for its recorded episode of <paramref name="steps"/> steps:
    /// with the return, the reward-to-go moments that choose the batch's baseline and scale before the gradient pass.
    /// </summary>
    public static void Record<TSample>(
        ArrayView2D<double, Stride2D.DenseX> statistics, int env, ArrayView<TSample> sampleTile, int steps, float gamma, float episodeReturn, bool terminated)
        where TSample : unmanaged, IRecordedStep
    {
        float returnToGo = 0.0f, sumG = 0.0f, sumG2 = 0.0f;
        for (int t = steps - 1; t >= 0; t--)
        {
            returnToGo = sampleTile[TrajectoryTiles.Lane(env, t)].Reward + gamma * returnToGo;
            sumG += returnToGo;
            sumG2 += returnToGo * returnToGo;
        }
        statistics[Steps, env] = steps;
        statistics[ReturnSum, env] = episodeReturn;
        statistics[ReturnMin, env] = episodeReturn;
        statistics[ReturnMax, env] = episodeReturn;
        statistics[ReturnsToGoSum, env] = sumG;
        statistics[ReturnsToGoSquaredSum, env] = sumG2;
        statistics[Episodes, env] = 1.0;
        statistics[Terminated, env] = terminated ? 1.0 : 0.0;
        statistics[Truncated, env] = terminated ? 0.0 : 1.0;
    }
}
