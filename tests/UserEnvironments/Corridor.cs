using PolicyGradient.Kernels;

namespace UserEnvironments;

/// <summary>Where the walker stands in the corridor.</summary>
public struct CorridorState
{
    public float Position;
}

/// <summary>
/// A corridor of cells 0 to Length: the walker starts in one of the first StartCells cells, steps
/// left (action 0) or right (action 1), pays 1 per step and is done at the far end. Its
/// parameters come from <see cref="Default"/> (pgvec's convention).
/// </summary>
public struct Corridor : IDiscreteEnvironment<CorridorState, Vector2>, IObservationBounds<Vector2>
{
    public float Length;
    public float StartCells;

    public static Corridor Default => new() { Length = 8, StartCells = 3 };

    public static string Id => "Corridor-v0";
    public static int MaxEpisodeSteps => 50;
    public static int ResetDraws => 1;
    public static int Actions => 2;

    public static Vector2 ObservationLow => new(0.0f, 1.0f);
    public static Vector2 ObservationHigh => new(1.0f, 1.0f);

    public readonly CorridorState Reset(ulong streamKey) =>
        new() { Position = MathF.Floor(StartCells * CounterRandom.UniformFloat(streamKey, 0)) };

    public readonly Transition<CorridorState> Step(CorridorState s, int action)
    {
        float position = s.Position + (action == 1 ? 1.0f : -1.0f);
        position = position < 0.0f ? 0.0f : position;
        return new Transition<CorridorState>(new CorridorState { Position = position }, -1.0f, position >= Length);
    }

    /// <summary>How far along (0 to 1), and a constant input the policy can use as a bias.</summary>
    public readonly Vector2 Observe(CorridorState s) => new(s.Position / Length, 1.0f);
}
