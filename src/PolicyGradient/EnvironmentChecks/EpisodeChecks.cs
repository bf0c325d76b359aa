using System.Globalization;
using PolicyGradient.Environment;

namespace PolicyGradient.EnvironmentChecks;

/// <summary>
/// What the host run of the struct shows under a random policy: that its methods return, that
/// Step is a pure function, that observations and rewards are finite and within the declared
/// bounds, what out-of-range actions do, and that episodes end.
/// </summary>
internal static class EpisodeChecks
{
    public const string HostRunName = "runs on the host";
    public const string StepName = "step is deterministic";
    public const string FiniteName = "observations and rewards are finite";
    public const string BoundsName = "observations within declared bounds";
    public const string ActionsName = "actions outside the space";
    public const string EndName = "episodes end";

    /// <summary>Longer episodes are refused by the checks: a batch records every step of every env's episode.</summary>
    public const int MaxReasonableSteps = 100_000;

    public static CheckResult HostRun(IReadOnlyList<HostEpisode> episodes)
    {
        if (episodes.FirstOrDefault(e => e.Error is not null) is { } failed)
            return CheckResult.Fail(HostRunName, $"episode {failed.Index}: {failed.Error}");
        return CheckResult.Pass(HostRunName, $"{episodes.Count} episodes of a uniformly random policy, {episodes.Sum(e => e.Steps.Count):N0} steps, called as C# on the host");
    }

    /// <summary>Each step replayed from its state in a fresh host run, twice: the same bits as the episode's.</summary>
    public static CheckResult StepDeterministic(DeviceEnvironment environment, IReadOnlyList<HostEpisode> episodes)
    {
        var steps = StepsWithStates(episodes).Take(256).ToList();
        foreach (var (episode, t, before, step) in steps)
        {
            for (int run = 0; run < 2; run++)
            {
                IReferenceEnvironment again = environment.CreateHostRun();
                StepResult result;
                try
                {
                    again.ResetTo(before);
                    result = step.Action.ApplyTo(again);
                }
                catch (Exception e)
                {
                    return CheckResult.Fail(StepName, $"episode {episode}, step {t}: Step threw {HostEpisodes.Describe(e)} when repeated");
                }
                string? differs = Bits.Differ(step.State, again.State) is { } i ? $"state[{i}] {(float)step.State[i]:R}, then {(float)again.State[i]:R}"
                    : Bits.Differ(step.Result.Observation, result.Observation) is { } j ? $"observation[{j}] {step.Result.Observation[j]:R}, then {result.Observation[j]:R}"
                    : BitConverter.DoubleToInt64Bits(step.Result.Reward) != BitConverter.DoubleToInt64Bits(result.Reward) ? $"reward {step.Result.Reward:R}, then {result.Reward:R}"
                    : step.Result.Terminated != result.Terminated ? $"terminated {step.Result.Terminated}, then {result.Terminated}"
                    : null;
                if (differs is not null)
                    return CheckResult.Fail(StepName, $"episode {episode}, step {t} (action {step.Action}) repeated from the same state gave {differs}: Step must depend on its state and action alone");
            }
        }
        return CheckResult.Pass(StepName, $"{steps.Count} steps repeated twice each from their states gave the same bits");
    }

    public static CheckResult Finite(IReadOnlyList<HostEpisode> episodes)
    {
        foreach (HostEpisode episode in episodes)
        {
            if ((FirstNotFinite(episode.ResetState, "state") ?? FirstNotFinite(episode.ResetObservation, "observation")) is { } atReset)
                return CheckResult.Fail(FiniteName, $"episode {episode.Index} after Reset: {atReset}");
            for (int t = 0; t < episode.Steps.Count; t++)
            {
                HostStep step = episode.Steps[t];
                string? bad = !double.IsFinite(step.Result.Reward) ? $"reward {step.Result.Reward.ToString(CultureInfo.InvariantCulture)}"
                    : FirstNotFinite(step.Result.Observation, "observation") ?? FirstNotFinite(step.State, "state");
                if (bad is not null)
                    return CheckResult.Fail(FiniteName, $"episode {episode.Index}, step {t + 1} (action {step.Action}): {bad}");
            }
        }
        return CheckResult.Pass(FiniteName, $"every state, observation and reward of {episodes.Count} episodes");
    }

    public static CheckResult WithinBounds(DeviceEnvironment environment, IReadOnlyList<HostEpisode> episodes)
    {
        if (DeclaredBounds.Of(environment.EnvironmentType) is not { } bounds)
            return CheckResult.Skip(BoundsName, $"{environment.EnvironmentType.Name} declares none (implement IObservationBounds<TObservation> to have them checked)");
        var (low, high) = bounds;
        if (low.Length != environment.Observations || high.Length != environment.Observations || Enumerable.Range(0, low.Length).Any(i => !(low[i] <= high[i])))
            return CheckResult.Fail(BoundsName, $"ObservationLow [{Text(low)}] is not below ObservationHigh [{Text(high)}]");
        foreach (HostEpisode episode in episodes)
        {
            foreach (var (t, observation) in episode.Observations)
            {
                for (int i = 0; i < observation.Length; i++)
                {
                    float v = observation[i];
                    if (float.IsFinite(v) && (v < low[i] || v > high[i]))
                    {
                        string where = t == 0 ? "after Reset" : $"step {t}";
                        string bound = v < low[i] ? $"below ObservationLow[{i}] {low[i].ToString("R", CultureInfo.InvariantCulture)}" : $"above ObservationHigh[{i}] {high[i].ToString("R", CultureInfo.InvariantCulture)}";
                        return CheckResult.Fail(BoundsName, $"episode {episode.Index}, {where}: observation[{i}] {v.ToString("R", CultureInfo.InvariantCulture)} is {bound}");
                    }
                }
            }
        }
        return CheckResult.Pass(BoundsName, $"every observation within [{Text(low)}] .. [{Text(high)}]");
    }

    /// <summary>
    /// A discrete action outside 0..N-1 never reaches Step (the policy samples within, replay
    /// refuses others), so none is wrong, but a Step that turns one into NaN or throws is worth a
    /// warning. A Box action beyond its bounds does reach Step (the engine passes a Gaussian's
    /// unclipped draw): Step must clip it as it declares, moving as it does at the bound.
    /// </summary>
    public static CheckResult OutOfRangeActions(DeviceEnvironment environment, IReadOnlyList<HostEpisode> episodes)
    {
        HostEpisode[] starts = [.. episodes.Where(e => e.ResetState.Length > 0).Take(4)];
        return environment.ActionSpace is BoxActions box ? BoxBeyondBounds(environment, box, starts) : DiscreteOutOfRange(environment, starts);
    }

    private static CheckResult DiscreteOutOfRange(DeviceEnvironment environment, HostEpisode[] starts)
    {
        foreach (HostEpisode episode in starts)
        {
            foreach (int action in new[] { -1, environment.Actions })
            {
                IReferenceEnvironment env = environment.CreateHostRun();
                try
                {
                    env.ResetTo(episode.ResetState);
                    StepResult result = env.Step(action);
                    if (!double.IsFinite(result.Reward) || FirstNotFinite(result.Observation, "observation") is not null || FirstNotFinite(env.State, "state") is not null)
                        return CheckResult.Warn(ActionsName, $"Step(state, {action}) from episode {episode.Index}'s start is not finite: pgvec never passes it, but keep Step finite for any int");
                }
                catch (Exception e)
                {
                    return CheckResult.Warn(ActionsName, $"Step(state, {action}) throws {HostEpisodes.Describe(e)}: pgvec never passes it, but keep Step defined for any int (clamp or ignore it)");
                }
            }
        }
        return CheckResult.Pass(ActionsName, $"pgvec passes only 0..{environment.Actions - 1} (the policy samples them, replay refuses others); Step(state, -1) and Step(state, {environment.Actions}) stay finite");
    }

    private static CheckResult BoxBeyondBounds(DeviceEnvironment environment, BoxActions box, HostEpisode[] starts)
    {
        if (box.Low.Concat(box.High).Any(b => !float.IsFinite(b)))
            return CheckResult.Skip(ActionsName, "the Box has an infinite bound: no action lies beyond it");
        float[] Beyond(float[] bound, float sign) => [.. bound.Select(b => b + sign * Math.Max(1.0f, Math.Abs(b)))];
        foreach (HostEpisode episode in starts)
        {
            foreach (var (bound, beyond, name) in new[] { (box.High, Beyond(box.High, 1), "ActionHigh"), (box.Low, Beyond(box.Low, -1), "ActionLow") })
            {
                var at = new HostAction(-1, bound);
                var past = new HostAction(-1, beyond);
                IReferenceEnvironment atBound = environment.CreateHostRun(), pastBound = environment.CreateHostRun();
                try
                {
                    atBound.ResetTo(episode.ResetState);
                    pastBound.ResetTo(episode.ResetState);
                    StepResult a = at.ApplyTo(atBound), p = past.ApplyTo(pastBound);
                    if (Bits.Differ(atBound.State, pastBound.State) is not null || Bits.Differ(a.Observation, p.Observation) is not null)
                        return CheckResult.Fail(ActionsName, $"from episode {episode.Index}'s start, Step(state, {past}) moves elsewhere than Step(state, {at}) ({name}): " +
                                                             "the engine passes a Gaussian policy's unclipped draw, so Step must clip the action to [ActionLow, ActionHigh] as it declares");
                }
                catch (Exception e)
                {
                    return CheckResult.Fail(ActionsName, $"Step(state, {past}) throws {HostEpisodes.Describe(e)}: the engine passes a Gaussian policy's unclipped draw; clip it to [ActionLow, ActionHigh]");
                }
            }
        }
        return CheckResult.Pass(ActionsName, "the engine passes a Gaussian policy's unclipped draws; beyond ActionLow and ActionHigh, Step moves as it does at them: clipped as declared");
    }

    public static CheckResult EpisodesEnd(DeviceEnvironment environment, IReadOnlyList<HostEpisode> episodes, int maxHostSteps)
    {
        int limit = environment.MaxEpisodeSteps;
        if (limit < 1)
            return CheckResult.Fail(EndName, $"MaxEpisodeSteps is {limit}: an episode needs at least 1 step");
        if (limit > MaxReasonableSteps)
        {
            long bytes = environment.BytesPerEnv(32, limit);
            return CheckResult.Fail(EndName, $"MaxEpisodeSteps is {limit:N0}: a batch records every step of each env's episode ({bytes / 1e6:N0} MB per env at 32 hidden units), so episodes must end within {MaxReasonableSteps:N0} steps");
        }
        HostEpisode[] played = [.. episodes.Where(e => e.Error is null)];
        int terminated = played.Count(e => e.Terminated);
        int cut = played.Count(e => !e.Terminated && !e.Truncated);
        if (cut > 0)
            return CheckResult.Fail(EndName, $"{cut} of {played.Length} episodes neither terminated nor truncated within {maxHostSteps:N0} steps (MaxEpisodeSteps {limit:N0}): the host run's time limit does not end them");
        double meanLength = played.Length == 0 ? 0 : played.Average(e => e.Steps.Count);
        if (terminated == 0)
            return CheckResult.Warn(EndName, $"no episode of {played.Length} terminated under a random policy: each ran to the time limit of {limit} steps (fine for a task that is only timed, as MountainCar-v0 is to a random policy; the engine truncates every episode there)");
        string rest = terminated == played.Length ? "" : $", the rest truncated at {limit} steps";
        return CheckResult.Pass(EndName, $"{terminated} of {played.Length} episodes terminated under a random policy{rest}; mean length {meanLength.ToString("F1", CultureInfo.InvariantCulture)}");
    }

    /// <summary>Each step of the episodes with the state it started from.</summary>
    internal static IEnumerable<(int Episode, int Step, double[] Before, HostStep StepTaken)> StepsWithStates(IReadOnlyList<HostEpisode> episodes)
    {
        foreach (HostEpisode episode in episodes.Where(e => e.ResetState.Length > 0))
        {
            double[] before = episode.ResetState;
            for (int t = 0; t < episode.Steps.Count; t++)
            {
                yield return (episode.Index, t + 1, before, episode.Steps[t]);
                before = episode.Steps[t].State;
            }
        }
    }

    private static string? FirstNotFinite(ReadOnlySpan<float> values, string what)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
                return $"{what}[{i}] {values[i].ToString(CultureInfo.InvariantCulture)}";
        }
        return null;
    }

    private static string? FirstNotFinite(ReadOnlySpan<double> values, string what)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
                return $"{what}[{i}] {values[i].ToString(CultureInfo.InvariantCulture)}";
        }
        return null;
    }

    /// <summary>Bounds as Gymnasium prints them, float32's largest magnitude (an unbounded component) as inf.</summary>
    private static string Text(float[] values) =>
        string.Join(", ", values.Select(v => Math.Abs(v) == float.MaxValue ? (v > 0 ? "inf" : "-inf") : v.ToString("G6", CultureInfo.InvariantCulture)));
}
