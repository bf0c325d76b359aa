using PolicyGradient.Kernels;
using PolicyGradient.Policy;

namespace PolicyGradient.Batched;

/// <summary>
/// A rollout read back from the device (in the kernels' tiled time-major layout), for checks
/// against the host reference: per recorded step its observation, action and reward.
/// </summary>
internal sealed class RecordedRollout(int envs, int maxSteps, int observations, float[] observationValues, int[] actionValues, float[] rewards, double[] statistics)
{
    public int Envs { get; } = envs;
    public int MaxSteps { get; } = maxSteps;

    public float[] Observation(int env, int step) => observationValues.AsSpan((int)(Index(env, step) * observations), observations).ToArray();

    public int Action(int env, int step) => actionValues[Index(env, step)];

    public float Reward(int env, int step) => rewards[Index(env, step)];

    /// <summary>Env <paramref name="env"/>'s <see cref="EpisodeStatistics"/> column.</summary>
    public double Statistic(int env, int column) => statistics[(long)env * EpisodeStatistics.Width + column];

    public int Steps(int env) => (int)Statistic(env, EpisodeStatistics.Steps);

    /// <summary>Env <paramref name="env"/>'s episode as the host reference maths takes it: its observations, actions and rewards.</summary>
    public Episode EpisodeOf(int env)
    {
        int length = Steps(env);
        return new Episode(
            [.. Enumerable.Range(0, length).Select(t => Observation(env, t))],
            [.. Enumerable.Range(0, length).Select(t => Action(env, t))],
            [.. Enumerable.Range(0, length).Select(t => (double)Reward(env, t))]);
    }

    /// <summary>Every env's episode, in env order.</summary>
    public List<Episode> Episodes() => [.. Enumerable.Range(0, Envs).Select(EpisodeOf)];

    private long Index(int env, int step)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(step, MaxSteps);
        var at = TrajectoryTiles.At(env, step);
        return at.Y * (long)TrajectoryTiles.Width * MaxSteps + at.X;
    }
}
