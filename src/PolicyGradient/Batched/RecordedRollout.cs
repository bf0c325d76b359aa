using PolicyGradient.Kernels;
using PolicyGradient.Policy;

namespace PolicyGradient.Batched;

/// <summary>
/// A rollout read back from the device (in the kernels' tiled time-major layout), for checks
/// against the host reference: per recorded step its observation, action (discrete, or a Gaussian
/// policy's unclipped draw) and reward.
/// </summary>
internal sealed class RecordedRollout(int envs, int maxSteps, int observations, float[] observationValues, RecordedActions actions, float[] rewards, double[] statistics)
{
    public int Envs { get; } = envs;
    public int MaxSteps { get; } = maxSteps;

    public float[] Observation(int env, int step) => observationValues.AsSpan((int)(Index(env, step) * observations), observations).ToArray();

    /// <summary>The discrete action of a categorical policy's step.</summary>
    public int Action(int env, int step) => actions.Discrete(Index(env, step));

    /// <summary>The unclipped draw of a Gaussian policy's step.</summary>
    public float[] BoxAction(int env, int step) => actions.Box(Index(env, step));

    public float Reward(int env, int step) => rewards[Index(env, step)];

    /// <summary>Env <paramref name="env"/>'s <see cref="EpisodeStatistics"/> column.</summary>
    public double Statistic(int env, int column) => statistics[(long)env * EpisodeStatistics.Width + column];

    public int Steps(int env) => (int)Statistic(env, EpisodeStatistics.Steps);

    /// <summary>Env <paramref name="env"/>'s episode as the host reference maths takes it: its observations, actions and rewards.</summary>
    public Episode EpisodeOf(int env)
    {
        int length = Steps(env);
        float[][] states = [.. Enumerable.Range(0, length).Select(t => Observation(env, t))];
        double[] paid = [.. Enumerable.Range(0, length).Select(t => (double)Reward(env, t))];
        return actions.IsBox
            ? Episode.Continuous(states, [.. Enumerable.Range(0, length).Select(t => BoxAction(env, t))], paid)
            : new Episode(states, [.. Enumerable.Range(0, length).Select(t => Action(env, t))], paid);
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

/// <summary>A rollout's recorded actions: one int per step, or a Box action of some dimensions per step.</summary>
internal sealed class RecordedActions
{
    private readonly int[]? _discrete;
    private readonly float[]? _box;
    private readonly int _dimensions;

    private RecordedActions(int[]? discrete, float[]? box, int dimensions)
    {
        _discrete = discrete;
        _box = box;
        _dimensions = dimensions;
    }

    public static RecordedActions Discrete(int[] actions) => new(actions, null, 1);

    /// <param name="values">step-major: step i's action is values[i * dimensions ..].</param>
    public static RecordedActions Box(int dimensions, float[] values) => new(null, values, dimensions);

    public bool IsBox => _box is not null;

    public int Discrete(long step) => _discrete?[step] ?? throw new InvalidOperationException("a Gaussian policy's rollout records Box actions, not discrete ones");

    public float[] Box(long step) => _box?.AsSpan((int)(step * _dimensions), _dimensions).ToArray()
        ?? throw new InvalidOperationException("a categorical policy's rollout records discrete actions, not Box ones");
}
