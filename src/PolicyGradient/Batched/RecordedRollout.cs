using PolicyGradient.Kernels;
using PolicyGradient.Policy;

namespace PolicyGradient.Batched;

/// <summary>
/// A rollout read back from the device (in the kernels' tiled time-major layout), for checks
/// against the host reference: per recorded step its observation, action, reward and the
/// policy's probabilities of actions 1..N-1.
/// </summary>
public sealed class RecordedRollout(int envs, int maxSteps, int observations, int actions, float[] observationValues, int[] actionValues, float[] rewards, float[] probabilities, double[] statistics)
{
    public int Envs { get; } = envs;
    public int MaxSteps { get; } = maxSteps;

    public float[] Observation(int env, int step) => observationValues.AsSpan((int)(Index(env, step) * observations), observations).ToArray();

    public int Action(int env, int step) => actionValues[Index(env, step)];

    public float Reward(int env, int step) => rewards[Index(env, step)];

    /// <summary>pi(1..N-1|s) as the rollout sampled with.</summary>
    public float[] Probabilities(int env, int step) => probabilities.AsSpan((int)(Index(env, step) * (actions - 1)), actions - 1).ToArray();

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
