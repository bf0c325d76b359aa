using PolicyGradient.Kernels;

namespace PolicyGradient.Batched;

/// <summary>A rollout read back from the device (in the kernels' tiled time-major layout), for checks against the host reference.</summary>
public sealed class RecordedRollout(int envs, int maxSteps, CartPoleState[] observations, ActionSample[] samples, double[] statistics)
{
    public int Envs { get; } = envs;
    public int MaxSteps { get; } = maxSteps;

    public CartPoleState Observation(int env, int step) => observations[Index(env, step)];

    public ActionSample Sample(int env, int step) => samples[Index(env, step)];

    /// <summary>Env <paramref name="env"/>'s <see cref="EpisodeStatistics"/> column.</summary>
    public double Statistic(int env, int column) => statistics[(long)env * EpisodeStatistics.Width + column];

    public int Steps(int env) => (int)Statistic(env, EpisodeStatistics.Steps);

    private long Index(int env, int step)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(step, MaxSteps);
        var at = TrajectoryTiles.At(env, step);
        return at.Y * (long)TrajectoryTiles.Width * MaxSteps + at.X;
    }
}
