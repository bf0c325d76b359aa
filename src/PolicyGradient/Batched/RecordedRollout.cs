using PolicyGradient.Kernels;
using PolicyGradient.Policy;

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

    /// <summary>Env <paramref name="env"/>'s episode as the host reference maths takes it: its observations and actions.</summary>
    public Episode EpisodeOf(int env)
    {
        int length = Steps(env);
        var states = new float[length][];
        var actions = new int[length];
        for (int t = 0; t < length; t++)
        {
            CartPoleState s = Observation(env, t);
            states[t] = [s.X, s.XDot, s.Theta, s.ThetaDot];
            actions[t] = (int)Sample(env, t).Action;
        }
        return new Episode(states, actions);
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
