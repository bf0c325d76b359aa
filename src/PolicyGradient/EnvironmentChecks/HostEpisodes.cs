using System.Globalization;
using PolicyGradient.Environment;
using PolicyGradient.Kernels;

namespace PolicyGradient.EnvironmentChecks;

/// <summary>One action as a host run takes it: a discrete index, or a Box's vector (then <see cref="Box"/> is set).</summary>
internal sealed record HostAction(int Discrete, float[]? Box = null)
{
    public StepResult ApplyTo(IReferenceEnvironment environment) => Box is null ? environment.Step(Discrete) : environment.Step(Box);

    /// <summary>"1", or "[0.5, -2]".</summary>
    public override string ToString() =>
        Box is null ? Discrete.ToString(CultureInfo.InvariantCulture) : $"[{string.Join(", ", Box.Select(v => v.ToString("G6", CultureInfo.InvariantCulture)))}]";
}

/// <summary>One step of a host episode: the action, what Step returned, and the state after it.</summary>
internal sealed record HostStep(HostAction Action, StepResult Result, double[] State);

/// <summary>
/// One episode of the environment's own struct on the host under a uniformly random policy: the
/// reset's observation and state, then every step, until it terminates, truncates, the checks'
/// step limit cuts it, or a method throws (<see cref="Error"/>: where and what).
/// </summary>
internal sealed record HostEpisode(int Index, ulong StreamKey, float[] ResetObservation, double[] ResetState, IReadOnlyList<HostStep> Steps, string? Error)
{
    public bool Terminated => Steps.Count > 0 && Steps[^1].Result.Terminated;
    public bool Truncated => Steps.Count > 0 && Steps[^1].Result.Truncated && !Terminated;

    /// <summary>The reset's observation, then each step's.</summary>
    public IEnumerable<(int Step, float[] Observation)> Observations =>
        Steps.Select((s, t) => (t + 1, s.Result.Observation)).Prepend((0, ResetObservation));
}

/// <summary>The checks' host episodes: fresh host runs of the struct, a uniformly random policy, streams apart from training's.</summary>
internal static class HostEpisodes
{
    private const ulong ResetStream = 0x434845434B; // "CHECK": apart from the trainers' and evaluations' streams

    /// <summary>The key of episode <paramref name="index"/>'s reset stream.</summary>
    public static ulong KeyOf(ulong seed, int index) => CounterRandom.StreamKey(seed, ResetStream, (ulong)index);

    /// <summary>Plays <paramref name="episodes"/> episodes, each from a fresh host run.</summary>
    public static IReadOnlyList<HostEpisode> Play(Func<IReferenceEnvironment> create, ActionSpace actions, int episodes, ulong seed, int maxSteps) =>
        [.. Enumerable.Range(0, episodes).Select(e => PlayOne(create(), actions, e, seed, maxSteps))];

    /// <summary>A uniformly random action of the space: an index, or each dimension uniform between its bounds (-1 and 1 where a bound is infinite).</summary>
    public static HostAction Random(ActionSpace space, ulong key, int step) => space switch
    {
        BoxActions box => new HostAction(-1, [.. Enumerable.Range(0, box.Dimensions).Select(d =>
        {
            float low = float.IsFinite(box.Low[d]) ? box.Low[d] : -1.0f, high = float.IsFinite(box.High[d]) ? box.High[d] : 1.0f;
            return low + (high - low) * (float)CounterRandom.UniformDouble(key, (ulong)(step * box.Dimensions + d));
        })]),
        DiscreteActions discrete => new HostAction(Math.Min((int)(CounterRandom.UniformDouble(key, (ulong)step) * discrete.Count), discrete.Count - 1)),
        _ => throw new ArgumentException($"no random action of {space}", nameof(space)),
    };

    private static HostEpisode PlayOne(IReferenceEnvironment env, ActionSpace actions, int index, ulong seed, int maxSteps)
    {
        ulong key = KeyOf(seed, index);
        ulong actionKey = CounterRandom.StreamKey(seed, ResetStream + 1, (ulong)index);
        var steps = new List<HostStep>();
        float[] observation;
        double[] state;
        try
        {
            observation = env.Reset(key);
            state = env.State.ToArray();
        }
        catch (Exception e)
        {
            return new HostEpisode(index, key, [], [], steps, $"Reset threw {Describe(e)}");
        }
        for (int t = 0; t < maxSteps; t++)
        {
            HostAction action = Random(actions, actionKey, t);
            try
            {
                StepResult result = action.ApplyTo(env);
                steps.Add(new HostStep(action, result, env.State.ToArray()));
                if (result.Terminated || result.Truncated)
                    break;
            }
            catch (Exception e)
            {
                return new HostEpisode(index, key, observation, state, steps, $"Step threw {Describe(e)} at step {t + 1} (action {action})");
            }
        }
        return new HostEpisode(index, key, observation, state, steps, null);
    }

    /// <summary>"IndexOutOfRangeException (Index was outside the bounds of the array)".</summary>
    public static string Describe(Exception e) => $"{e.GetType().Name} ({e.Message.Split('\n')[0].Trim().TrimEnd('.')})";
}
