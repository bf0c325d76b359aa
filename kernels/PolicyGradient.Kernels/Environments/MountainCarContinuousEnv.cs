using System.Runtime.CompilerServices;

namespace PolicyGradient.Kernels;

/// <summary>
/// Gymnasium's MountainCarContinuous-v0 in float32 for kernels, in the float64 reference's order:
/// the force clipped to [-1, 1], velocity, its clip, position, its clip, the stop at the left
/// wall, the goal test, then the reward: 100 at the goal minus 0.1 times the unclipped action squared.
/// Shares <see cref="MountainCarState"/> with MountainCar-v0.
/// </summary>
public struct MountainCarContinuousEnv : IContinuousEnvironment<MountainCarState, Vector2, Vector1>, IObservationBounds<Vector2>
{
    internal float MinAction;
    internal float MaxAction;
    internal float MinPosition;
    internal float MaxPosition;
    internal float MaxSpeed;
    internal float GoalPosition;
    internal float GoalVelocity;
    internal float Power;
    internal float Gravity;
    internal float GoalReward;
    internal float ActionCost;
    internal float ResetLow;
    internal float ResetHigh;

    /// <summary>Gymnasium's environment: its constants, each rounded once to float32.</summary>
    public static MountainCarContinuousEnv Gymnasium => new()
    {
        MinAction = (float)MountainCarContinuousConstants.MinAction,
        MaxAction = (float)MountainCarContinuousConstants.MaxAction,
        MinPosition = (float)MountainCarContinuousConstants.MinPosition,
        MaxPosition = (float)MountainCarContinuousConstants.MaxPosition,
        MaxSpeed = (float)MountainCarContinuousConstants.MaxSpeed,
        GoalPosition = (float)MountainCarContinuousConstants.GoalPosition,
        GoalVelocity = (float)MountainCarContinuousConstants.GoalVelocity,
        Power = (float)MountainCarContinuousConstants.Power,
        Gravity = (float)MountainCarContinuousConstants.Gravity,
        GoalReward = (float)MountainCarContinuousConstants.GoalReward,
        ActionCost = (float)MountainCarContinuousConstants.ActionCost,
        ResetLow = (float)MountainCarContinuousConstants.ResetLow,
        ResetHigh = (float)MountainCarContinuousConstants.ResetHigh,
    };

    /// <inheritdoc />
    public static string Id => "MountainCarContinuous-v0";
    /// <inheritdoc />
    public static int MaxEpisodeSteps => MountainCarContinuousConstants.MaxEpisodeSteps;
    /// <inheritdoc />
    public static int ResetDraws => 1;
    /// <summary>Gymnasium's observation space: the track and the speed limit.</summary>
    public static Vector2 ObservationLow => new((float)MountainCarContinuousConstants.MinPosition, (float)-MountainCarContinuousConstants.MaxSpeed);
    /// <inheritdoc />
    public static Vector2 ObservationHigh => new((float)MountainCarContinuousConstants.MaxPosition, (float)MountainCarContinuousConstants.MaxSpeed);
    /// <inheritdoc />
    public static Vector1 ActionLow => new((float)MountainCarContinuousConstants.MinAction);
    /// <inheritdoc />
    public static Vector1 ActionHigh => new((float)MountainCarContinuousConstants.MaxAction);

    /// <summary>Position uniform in [-0.6, -0.4), at rest.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly MountainCarState Reset(ulong streamKey) =>
        new(ResetLow + (ResetHigh - ResetLow) * CounterRandom.UniformFloat(streamKey, 0), 0.0f);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly Transition<MountainCarState> Step(MountainCarState s, Vector1 action)
    {
        float a = action.X0;
        float force = Vectors.Clip(a, MinAction, MaxAction);
        float velocity = s.Velocity + (force * Power - Gravity * MathF.Cos(3 * s.Position));
        MountainCarState next = MountainCarTrack.Move(s.Position, velocity, MaxSpeed, MinPosition, MaxPosition);
        bool terminated = next.Position >= GoalPosition && next.Velocity >= GoalVelocity;
        float reward = (terminated ? GoalReward : 0.0f) - a * a * ActionCost;
        return new Transition<MountainCarState>(next, reward, terminated);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly Vector2 Observe(MountainCarState s) => new(s.Position, s.Velocity);
}
