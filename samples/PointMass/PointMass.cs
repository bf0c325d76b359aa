using PolicyGradient.Kernels;

/// <summary>Where the point mass is, how fast it moves, and where it must stop.</summary>
public struct PointMassState(float position, float velocity, float target)
{
    public float Position = position;
    public float Velocity = velocity;
    public float Target = target;
}

/// <summary>
/// A point mass on a 1-D track (not in Gymnasium): thrust left, none or right, and come to rest
/// on a target drawn at random. Reaching the target is not enough: it must arrive slowly enough
/// to stop there. Every step costs its distance to the target (a shaped reward that points the
/// way); stopping on it pays a bonus and ends the episode; leaving the track ends it with a
/// penalty. The struct's fields are the physics, passed to the device by value.
/// </summary>
public struct PointMass : IDiscreteEnvironment<PointMassState, Vector2>
{
    public float Dt;
    public float Thrust;
    public float TrackEnd;
    public float StopDistance;
    public float StopSpeed;

    public static PointMass Default => new() { Dt = 0.05f, Thrust = 1.0f, TrackEnd = 2.0f, StopDistance = 0.05f, StopSpeed = 0.05f };

    public static string Id => "PointMass-v0";
    public static int Actions => 3;
    public static int MaxEpisodeSteps => 200;
    // Reset uses draws 0 and 1 of the episode's stream; the policy's draws come after them.
    public static int ResetDraws => 2;

    /// <summary>At rest somewhere in [-1, 1), the target elsewhere in [-1, 1).</summary>
    public readonly PointMassState Reset(ulong streamKey) => new(
        -1.0f + 2.0f * CounterRandom.UniformFloat(streamKey, 0),
        0.0f,
        -1.0f + 2.0f * CounterRandom.UniformFloat(streamKey, 1));

    /// <summary>Action 0 thrusts left, 1 coasts, 2 thrusts right (semi-implicit Euler).</summary>
    public readonly Transition<PointMassState> Step(PointMassState s, int action)
    {
        float velocity = s.Velocity + (action - 1) * Thrust * Dt;
        float position = s.Position + velocity * Dt;
        var next = new PointMassState(position, velocity, s.Target);
        float distance = MathF.Abs(s.Target - position);
        if (position < -TrackEnd || position > TrackEnd)
            return new Transition<PointMassState>(next, -10.0f, true);
        if (distance < StopDistance && MathF.Abs(velocity) < StopSpeed)
            return new Transition<PointMassState>(next, 10.0f, true);
        return new Transition<PointMassState>(next, -0.1f * distance, false);
    }

    /// <summary>The policy sees the way to the target and its own velocity: where the target lies on the track does not matter.</summary>
    public readonly Vector2 Observe(PointMassState s) => new(s.Target - s.Position, s.Velocity);
}
