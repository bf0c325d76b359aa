using PolicyGradient.Kernels;

namespace UserEnvironments;

/// <summary>
/// A deliberate mistake, for check-env to catch: it declares observations within [-1, 1], but the
/// walker it observes may wander up to 5 away before the episode ends.
/// </summary>
public struct Unbounded : IDiscreteEnvironment<CorridorState, Vector1>, IObservationBounds<Vector1>
{
    public static string Id => "Unbounded-v0";
    public static int MaxEpisodeSteps => 100;
    public static int ResetDraws => 0;
    public static int Actions => 2;

    public static Vector1 ObservationLow => new(-1.0f);
    public static Vector1 ObservationHigh => new(1.0f);

    public readonly CorridorState Reset(ulong streamKey) => default;

    public readonly Transition<CorridorState> Step(CorridorState s, int action)
    {
        float position = s.Position + (action == 1 ? 1.0f : -1.0f);
        return new Transition<CorridorState>(new CorridorState { Position = position }, 0.0f, position > 4.5f || position < -4.5f);
    }

    public readonly Vector1 Observe(CorridorState s) => new(s.Position);
}
