using System.Runtime.CompilerServices;

namespace PolicyGradient.Kernels;

/// <summary>MountainCar's float32 state as the device steps it.</summary>
public struct MountainCarState(float position, float velocity)
{
    /// <summary>The car's position along the valley, -1.2 to 0.6.</summary>
    public float Position = position;
    /// <summary>The car's velocity, -0.07 to 0.07.</summary>
    public float Velocity = velocity;
}

/// <summary>
/// Gymnasium's MountainCar-v0 in float32 for kernels, in the float64 reference's order: velocity,
/// its clip, position, its clip, the stop at the left wall, then the goal test. Constants are
/// fields (the runtime parameters), each rounded once from <see cref="MountainCarConstants"/>.
/// </summary>
public struct MountainCarEnv : IDiscreteEnvironment<MountainCarState, Vector2>, IObservationBounds<Vector2>
{
    internal float MinPosition;
    internal float MaxPosition;
    internal float MaxSpeed;
    internal float GoalPosition;
    internal float GoalVelocity;
    internal float Force;
    internal float Gravity;
    internal float ResetLow;
    internal float ResetHigh;

    /// <summary>Gymnasium's environment: its constants, each rounded once to float32.</summary>
    public static MountainCarEnv Gymnasium => new()
    {
        MinPosition = (float)MountainCarConstants.MinPosition,
        MaxPosition = (float)MountainCarConstants.MaxPosition,
        MaxSpeed = (float)MountainCarConstants.MaxSpeed,
        GoalPosition = (float)MountainCarConstants.GoalPosition,
        GoalVelocity = (float)MountainCarConstants.GoalVelocity,
        Force = (float)MountainCarConstants.Force,
        Gravity = (float)MountainCarConstants.Gravity,
        ResetLow = (float)MountainCarConstants.ResetLow,
        ResetHigh = (float)MountainCarConstants.ResetHigh,
    };

    /// <inheritdoc />
    public static string Id => "MountainCar-v0";
    /// <inheritdoc />
    public static int Actions => MountainCarConstants.ActionCount;
    /// <inheritdoc />
    public static int MaxEpisodeSteps => MountainCarConstants.MaxEpisodeSteps;
    /// <inheritdoc />
    public static int ResetDraws => 1;

    /// <summary>Gymnasium's observation space: the track and the speed limit.</summary>
    public static Vector2 ObservationLow => new((float)MountainCarConstants.MinPosition, (float)-MountainCarConstants.MaxSpeed);

    /// <inheritdoc />
    public static Vector2 ObservationHigh => new((float)MountainCarConstants.MaxPosition, (float)MountainCarConstants.MaxSpeed);

    /// <summary>Position uniform in [-0.6, -0.4), at rest.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly MountainCarState Reset(ulong streamKey) =>
        new(ResetLow + (ResetHigh - ResetLow) * CounterRandom.UniformFloat(streamKey, 0), 0.0f);

    /// <summary>Action 0 pushes left, 1 not at all, 2 right; -1 per step until the flag.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly Transition<MountainCarState> Step(MountainCarState s, int action)
    {
        float velocity = s.Velocity + (action - 1) * Force + MathF.Cos(3 * s.Position) * -Gravity;
        MountainCarState next = MountainCarTrack.Move(s.Position, velocity, MaxSpeed, MinPosition, MaxPosition);
        bool terminated = next.Position >= GoalPosition && next.Velocity >= GoalVelocity;
        return new Transition<MountainCarState>(next, -1.0f, terminated);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly Vector2 Observe(MountainCarState s) => new(s.Position, s.Velocity);
}
