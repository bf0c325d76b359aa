using System.Globalization;
using PolicyGradient.Batched;
using PolicyGradient.Devices;
using PolicyGradient.Environment;
using PolicyGradient.Kernels;
using PolicyGradient.Policy;

namespace PolicyGradient.EnvironmentChecks;

/// <summary>
/// The same struct on the device: a rollout of the engine's own kernel with a uniformly random
/// policy (all-zero parameters), replayed on the host action by action, and single steps of the
/// step kernel against the host's; and the device's rollout twice, the same bits.
/// </summary>
internal static class DeviceChecks
{
    public const string AgreeName = "host and device agree";
    public const string DeterministicName = "device run is deterministic";

    /// <summary>The agent's iteration whose streams the rollout plays (any would do; 1 is the first training iteration's).</summary>
    private const int Iteration = 1;

    /// <summary>A rollout of <paramref name="envs"/> envs, read back; and the same rollout again, for <see cref="Deterministic"/>.</summary>
    public static (RecordedRollout First, RecordedRollout Second) Rollouts(DeviceEnvironment environment, ComputeDevice device, int envs, int hidden, int maxSteps, ulong seed)
    {
        using var batch = new EpisodeBatch(device, environment, 1, envs, hidden, maxSteps);
        var uniform = new PolicyParameters(environment.Layout(hidden), new double[environment.Layout(hidden).Count]);
        batch.Rollout(uniform, seed, Iteration, 0.99f);
        RecordedRollout first = batch.ReadLastRollout();
        batch.Rollout(uniform, seed, Iteration, 0.99f);
        return (first, batch.ReadLastRollout());
    }

    public static CheckResult Deterministic(DeviceEnvironment environment, RecordedRollout first, RecordedRollout second)
    {
        for (int env = 0; env < first.Envs; env++)
        {
            for (int column = 0; column < EpisodeStatistics.Width; column++)
            {
                if (BitConverter.DoubleToInt64Bits(first.Statistic(env, column)) != BitConverter.DoubleToInt64Bits(second.Statistic(env, column)))
                    return CheckResult.Fail(DeterministicName, $"env {env}'s episode played twice from the same stream gave different statistics (column {column}): the device step must be a pure function");
            }
            for (int t = 0; t < first.Steps(env); t++)
            {
                if (Bits.Differ(first.Observation(env, t), second.Observation(env, t)) is not null || !SameAction(first, second, env, t)
                    || BitConverter.SingleToInt32Bits(first.Reward(env, t)) != BitConverter.SingleToInt32Bits(second.Reward(env, t)))
                    return CheckResult.Fail(DeterministicName, $"env {env}'s episode played twice from the same stream differs at step {t}: the device step must be a pure function");
            }
        }
        return CheckResult.Pass(DeterministicName, $"{first.Envs} episodes played twice from the same streams gave the same bits");

        bool SameAction(RecordedRollout a, RecordedRollout b, int env, int t) => environment.ActionSpace is BoxActions
            ? Bits.Differ(a.BoxAction(env, t), b.BoxAction(env, t)) is null
            : a.Action(env, t) == b.Action(env, t);
    }

    /// <summary>The rollout replayed on the host, and single device steps from the host episodes' states, within the tolerance.</summary>
    public static CheckResult Agree(DeviceEnvironment environment, ComputeDevice device, RecordedRollout rollout, IReadOnlyList<HostEpisode> episodes, ulong seed, double tolerance)
    {
        var gap = new Gap(tolerance);
        int steps = 0;
        for (int env = 0; env < rollout.Envs; env++)
        {
            IReferenceEnvironment host = environment.CreateHostRun();
            ulong key = new AgentEpisodes { Seed = seed, Iteration = Iteration }.StreamKey(env);
            gap.Observation(host.Reset(key), rollout.Observation(env, 0), $"env {env} after Reset");
            int length = rollout.Steps(env);
            bool ended = false;
            for (int t = 0; t < length && gap.First is null; t++)
            {
                StepResult result = Recorded(environment, rollout, env, t).ApplyTo(host);
                steps++;
                gap.Value(result.Reward, rollout.Reward(env, t), $"env {env}, step {t + 1}: reward");
                if (t + 1 < length)
                    gap.Observation(result.Observation, rollout.Observation(env, t + 1), $"env {env}, step {t + 1}");
                ended = result.Terminated;
                if (ended && t + 1 < length)
                    gap.Differs($"env {env}: the host's episode terminated at step {t + 1}, the device's went on to {length}");
            }
            bool deviceTerminated = rollout.Statistic(env, EpisodeStatistics.Terminated) != 0;
            if (gap.First is null && ended != deviceTerminated)
                gap.Differs($"env {env}: after {length} steps the {(deviceTerminated ? "device's" : "host's")} episode terminated, the other's did not");
            if (gap.First is not null)
                break;
        }

        var single = EpisodeChecks.StepsWithStates(episodes).Take(256).ToList();
        if (gap.First is null && single.Count > 0)
        {
            HostAction[] actions = [.. single.Select(s => s.StepTaken.Action)];
            var stepActions = environment.ActionSpace is BoxActions
                ? new StepActions(null, [.. actions.Select(a => a.Box!)])
                : new StepActions([.. actions.Select(a => a.Discrete)], null);
            DeviceTransition[] stepped = environment.Step(device, [.. single.Select(s => s.Before.Select(v => (float)v).ToArray())], stepActions);
            for (int i = 0; i < single.Count && gap.First is null; i++)
            {
                var (episode, t, _, taken) = single[i];
                string where = $"host episode {episode}, step {t} on the step kernel";
                gap.Value(taken.Result.Reward, stepped[i].Reward, $"{where}: reward");
                gap.Observation(taken.Result.Observation, stepped[i].Observation, where);
                gap.Observation([.. taken.State.Select(v => (float)v)], stepped[i].State, $"{where} (state)");
                if (taken.Result.Terminated != stepped[i].Terminated)
                    gap.Differs($"{where}: terminated {taken.Result.Terminated} on the host, {stepped[i].Terminated} on the device");
            }
        }
        string bound = $"tolerance {tolerance.ToString("G", CultureInfo.InvariantCulture)} x max(1, |host|)";
        return gap.First is { } first
            ? CheckResult.Fail(AgreeName, $"{first} ({bound}): the device must compute what the host computes")
            : CheckResult.Pass(AgreeName, $"{rollout.Envs} device episodes replayed on the host ({steps:N0} steps) and {single.Count} single steps on {device.Kind.Name()}: " +
                                          $"largest difference {gap.Largest.ToString("G3", CultureInfo.InvariantCulture)} ({bound})");
    }

    /// <summary>The action the device took at a recorded step: its index, or a Gaussian policy's unclipped draw.</summary>
    private static HostAction Recorded(DeviceEnvironment environment, RecordedRollout rollout, int env, int t) =>
        environment.ActionSpace is BoxActions ? new HostAction(-1, rollout.BoxAction(env, t)) : new HostAction(rollout.Action(env, t));

    /// <summary>The first value out of tolerance, and the largest scaled difference seen.</summary>
    private sealed class Gap(double tolerance)
    {
        public string? First { get; private set; }
        public double Largest { get; private set; }

        public void Observation(float[] host, float[] device, string where)
        {
            for (int i = 0; i < host.Length && First is null; i++)
                Value(host[i], device[i], $"{where}: observation[{i}]");
        }

        public void Value(double host, double device, string what)
        {
            if (First is not null || (double.IsNaN(host) && double.IsNaN(device)))
                return;
            double scaled = Math.Abs(device - host) / Math.Max(1.0, Math.Abs(host));
            if (!(scaled <= tolerance))
                First = $"{what} is {host.ToString("R", CultureInfo.InvariantCulture)} on the host, {device.ToString("R", CultureInfo.InvariantCulture)} on the device";
            else
                Largest = Math.Max(Largest, scaled);
        }

        public void Differs(string what) => First ??= what;
    }
}
