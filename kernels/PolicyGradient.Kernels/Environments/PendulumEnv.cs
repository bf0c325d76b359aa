using System.Runtime.CompilerServices;

namespace PolicyGradient.Kernels;

/// <summary>Pendulum's float32 state as Gymnasium holds it: theta (never wrapped) and theta_dot.</summary>
public struct PendulumState(float theta, float thetaDot)
{
    /// <summary>The angle from upright, radians.</summary>
    public float Theta = theta;
    /// <summary>The angular velocity.</summary>
    public float ThetaDot = thetaDot;
}

/// <summary>
/// Gymnasium's Pendulum-v1 (g = 10.0) in float32 for kernels, in the float64 reference's order:
/// the torque clipped to [-2, 2], the cost of the old state, theta_dot's update and clip, then
/// theta. Never terminates; TimeLimit truncates at 200 steps.
/// </summary>
public struct PendulumEnv : IContinuousEnvironment<PendulumState, Vector3, Vector1>, IObservationBounds<Vector3>
{
    internal float MaxSpeed;
    internal float MaxTorque;
    internal float Dt;
    /// <summary>3 g / (2 l), the gravity term's factor.</summary>
    internal float GravityFactor;
    /// <summary>3 / (m l^2), the torque's factor.</summary>
    internal float TorqueFactor;
    internal float ResetAngleHigh;
    internal float ResetVelocityHigh;

    /// <summary>Gymnasium's environment: its constants, each rounded once to float32.</summary>
    public static PendulumEnv Gymnasium => new()
    {
        MaxSpeed = (float)PendulumConstants.MaxSpeed,
        MaxTorque = (float)PendulumConstants.MaxTorque,
        Dt = (float)PendulumConstants.Dt,
        GravityFactor = (float)(3 * PendulumConstants.Gravity / (2 * PendulumConstants.Length)),
        TorqueFactor = (float)(3.0 / (PendulumConstants.Mass * PendulumConstants.Length * PendulumConstants.Length)),
        ResetAngleHigh = (float)PendulumConstants.ResetAngleHigh,
        ResetVelocityHigh = (float)PendulumConstants.ResetVelocityHigh,
    };

    /// <inheritdoc />
    public static string Id => "Pendulum-v1";
    /// <inheritdoc />
    public static int MaxEpisodeSteps => PendulumConstants.MaxEpisodeSteps;
    /// <inheritdoc />
    public static int ResetDraws => 2;
    /// <summary>Gymnasium's observation space: cos and sin of theta, then the speed limit.</summary>
    public static Vector3 ObservationHigh => new(1.0f, 1.0f, (float)PendulumConstants.MaxSpeed);
    /// <inheritdoc />
    public static Vector3 ObservationLow => Vector3.Scale(ObservationHigh, -1.0f);
    /// <inheritdoc />
    public static Vector1 ActionLow => new((float)-PendulumConstants.MaxTorque);
    /// <inheritdoc />
    public static Vector1 ActionHigh => new((float)PendulumConstants.MaxTorque);

    /// <summary>Theta uniform in [-pi, pi), theta_dot in [-1, 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly PendulumState Reset(ulong streamKey) => new(
        -ResetAngleHigh + 2 * ResetAngleHigh * CounterRandom.UniformFloat(streamKey, 0),
        -ResetVelocityHigh + 2 * ResetVelocityHigh * CounterRandom.UniformFloat(streamKey, 1));

    /// <summary>Reward -(angle_normalize(theta)^2 + 0.1 theta_dot^2 + 0.001 u^2) of the old state and the clipped torque u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly Transition<PendulumState> Step(PendulumState s, Vector1 action)
    {
        float u = Vectors.Clip(action.X0, -MaxTorque, MaxTorque);
        float angle = AngleNormalize(s.Theta);
        float costs = angle * angle + 0.1f * s.ThetaDot * s.ThetaDot + 0.001f * u * u;
        float thetaDot = s.ThetaDot + (GravityFactor * MathF.Sin(s.Theta) + TorqueFactor * u) * Dt;
        thetaDot = Vectors.Clip(thetaDot, -MaxSpeed, MaxSpeed);
        float theta = s.Theta + thetaDot * Dt;
        return new Transition<PendulumState>(new PendulumState(theta, thetaDot), -costs, false);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly Vector3 Observe(PendulumState s) => new(MathF.Cos(s.Theta), MathF.Sin(s.Theta), s.ThetaDot);

    /// <summary>((x + pi) mod 2 pi) - pi with a floor modulo, as Python's %, written with floor because a GPU has no fmod instruction.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float AngleNormalize(float x)
    {
        const float twoPi = 2 * MathF.PI;
        float shifted = x + MathF.PI;
        return shifted - twoPi * MathF.Floor(shifted / twoPi) - MathF.PI;
    }
}
