using System.Reflection;
using PolicyGradient.Environment;
using PolicyGradient.Inspection;
using PolicyGradient.Kernels;

namespace PolicyGradient.EnvironmentChecks;

/// <summary>
/// Reset as the engine relies on it: a pure function of its stream key (the same bits twice),
/// different keys giving different starts where it draws, and no draw at or past ResetDraws,
/// where the policy's first action draws.
/// </summary>
internal static class ResetChecks
{
    public const string DeterministicName = "reset is deterministic";
    public const string StreamsName = "reset differs between streams";
    public const string DrawsName = "reset draws within ResetDraws";

    /// <summary>Each episode's stream reset again in a fresh host run must give the same state and observation, bit for bit.</summary>
    public static CheckResult Deterministic(DeviceEnvironment environment, IReadOnlyList<HostEpisode> episodes)
    {
        foreach (HostEpisode episode in episodes.Where(e => e.ResetState.Length > 0))
        {
            IReferenceEnvironment again = environment.CreateHostRun();
            float[] observation;
            try
            {
                observation = again.Reset(episode.StreamKey);
            }
            catch (Exception e)
            {
                return CheckResult.Fail(DeterministicName, $"a second Reset of episode {episode.Index}'s stream threw {HostEpisodes.Describe(e)}");
            }
            if (Bits.Differ(episode.ResetState, again.State) is { } i)
                return CheckResult.Fail(DeterministicName, $"episode {episode.Index}'s stream reset twice gave state[{i}] {(float)episode.ResetState[i]:R}, then {(float)again.State[i]:R}: Reset must depend on its stream key alone (no static counters, clocks or System.Random)");
            if (Bits.Differ(episode.ResetObservation, observation) is { } j)
                return CheckResult.Fail(DeterministicName, $"episode {episode.Index}'s stream reset twice gave observation[{j}] {episode.ResetObservation[j]:R}, then {observation[j]:R}: Observe must depend on the state alone");
        }
        return CheckResult.Pass(DeterministicName, $"{episodes.Count} streams, each reset twice, gave the same bits");
    }

    public static CheckResult DiffersBetweenStreams(DeviceEnvironment environment, IReadOnlyList<HostEpisode> episodes)
    {
        double[][] starts = [.. episodes.Where(e => e.ResetState.Length > 0).Select(e => e.ResetState)];
        int distinct = starts.Select(s => string.Join(",", s.Select(v => BitConverter.DoubleToInt64Bits(v)))).Distinct().Count();
        if (starts.Length < 2)
            return CheckResult.Skip(StreamsName, "fewer than two episodes reset");
        if (environment.ResetDraws == 0)
        {
            return distinct == 1
                ? CheckResult.Pass(StreamsName, "ResetDraws is 0: every episode starts from the same state, as declared")
                : CheckResult.Fail(StreamsName, $"ResetDraws is 0, yet {starts.Length} streams gave {distinct} different starts: declare the draws Reset uses, or start every episode alike");
        }
        return distinct > 1
            ? CheckResult.Pass(StreamsName, $"{starts.Length} streams gave {distinct} different starts")
            : CheckResult.Fail(StreamsName, $"{starts.Length} streams all gave the same start, though ResetDraws is {environment.ResetDraws}: draw from CounterRandom with the stream key Reset is given");
    }

    /// <summary>
    /// The counters Reset passes to CounterRandom, read from its IL (and that of the
    /// environment's own methods it calls): each must be a constant below ResetDraws.
    /// </summary>
    public static CheckResult DrawsWithinResetDraws(DeviceEnvironment environment)
    {
        Type type = environment.EnvironmentType;
        MethodInfo reset = ResetMethod(type);
        var constants = new SortedSet<long>();
        var computed = new SortedSet<string>();
        var seen = new HashSet<MethodBase>();
        var pending = new Stack<MethodBase>([reset]);
        while (pending.TryPop(out MethodBase? method))
        {
            if (!seen.Add(method))
                continue;
            IReadOnlyList<IlInstruction> body = IlInstruction.Of(method);
            for (int i = 0; i < body.Count; i++)
            {
                if (body[i].Called is not { } called)
                    continue;
                if (called.DeclaringType == typeof(CounterRandom) && called.Name is nameof(CounterRandom.UniformFloat) or nameof(CounterRandom.UniformDouble) or nameof(CounterRandom.Next64))
                {
                    if (CounterBefore(body, i) is { } counter)
                        constants.Add(counter);
                    else
                        computed.Add($"{method.DeclaringType!.Name}.{method.Name}");
                }
                else if (called.DeclaringType is { } owner && owner.Assembly == type.Assembly && owner.Assembly != typeof(CounterRandom).Assembly)
                {
                    pending.Push(called);
                }
            }
        }
        int declared = environment.ResetDraws;
        if (constants.Count > 0 && constants.Max >= declared)
            return CheckResult.Fail(DrawsName, $"Reset draws counter {constants.Max} of its stream, but ResetDraws is {declared}: the policy's first action draws counter {declared}, " +
                                               $"so the start and the actions would share random numbers; declare ResetDraws {constants.Max + 1}");
        string used = constants.Count == 0 ? "no counter" : constants.Count == 1 ? $"counter {constants.Min}" : $"counters {string.Join(", ", constants)}";
        if (computed.Count > 0)
            return CheckResult.Warn(DrawsName, $"Reset draws {used} and, in {string.Join(", ", computed)}, counters computed at run time, which cannot be read from its code: keep every counter below ResetDraws {declared}");
        return CheckResult.Pass(DrawsName, $"Reset draws {used}; ResetDraws is {declared}, where the policy's draws start");
    }

    /// <summary>The struct's own Reset (its implementation of IEnvironment's).</summary>
    private static MethodInfo ResetMethod(Type type)
    {
        Type contract = type.GetInterfaces().First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnvironment<,>));
        InterfaceMapping map = type.GetInterfaceMap(contract);
        return map.TargetMethods[Array.FindIndex(map.InterfaceMethods, m => m.Name == "Reset")];
    }

    /// <summary>The constant pushed as the call's last argument (the counter), through any widening conversion; null where it is computed.</summary>
    private static long? CounterBefore(IReadOnlyList<IlInstruction> body, int call)
    {
        int i = call - 1;
        while (i >= 0 && body[i].OpCode.Name is { } op && op.StartsWith("conv.", StringComparison.Ordinal))
            i--;
        return i >= 0 ? body[i].Constant : null;
    }
}
