using System.Runtime.CompilerServices;

namespace PolicyGradient.Kernels;

/// <summary>Acrobot's float32 state as the device steps it: the two joint angles and their velocities.</summary>
public struct AcrobotState(float theta1, float theta2, float dtheta1, float dtheta2)
{
    /// <summary>The first link's angle from hanging straight down, radians.</summary>
    public float Theta1 = theta1;
    /// <summary>The second link's angle relative to the first, radians.</summary>
    public float Theta2 = theta2;
    /// <summary>The first joint's angular velocity.</summary>
    public float DTheta1 = dtheta1;
    /// <summary>The second joint's angular velocity.</summary>
    public float DTheta2 = dtheta2;
}

/// <summary>
/// Gymnasium's Acrobot-v1 ("book" dynamics, rk4 over one dt, wrap and bound, no torque noise) in
/// float32 for kernels, with the float64 reference's formulas in the same order. Constants are
/// fields (the runtime parameters), each rounded once from <see cref="AcrobotConstants"/>.
/// </summary>
public struct AcrobotEnv : IDiscreteEnvironment<AcrobotState, Vector6>, IObservationBounds<Vector6>
{
    internal float Dt;
    internal float LinkLength1;
    internal float LinkMass1;
    internal float LinkMass2;
    internal float LinkCenterOfMass1;
    internal float LinkCenterOfMass2;
    internal float LinkMomentOfInertia;
    internal float MaxVelocity1;
    internal float MaxVelocity2;
    internal float Gravity;
    internal float ResetLow;
    internal float ResetHigh;

    /// <summary>Gymnasium's environment: its constants, each rounded once to float32.</summary>
    public static AcrobotEnv Gymnasium => new()
    {
        Dt = (float)AcrobotConstants.Dt,
        LinkLength1 = (float)AcrobotConstants.LinkLength1,
        LinkMass1 = (float)AcrobotConstants.LinkMass1,
        LinkMass2 = (float)AcrobotConstants.LinkMass2,
        LinkCenterOfMass1 = (float)AcrobotConstants.LinkCenterOfMass1,
        LinkCenterOfMass2 = (float)AcrobotConstants.LinkCenterOfMass2,
        LinkMomentOfInertia = (float)AcrobotConstants.LinkMomentOfInertia,
        MaxVelocity1 = (float)AcrobotConstants.MaxVelocity1,
        MaxVelocity2 = (float)AcrobotConstants.MaxVelocity2,
        Gravity = (float)AcrobotConstants.Gravity,
        ResetLow = (float)AcrobotConstants.ResetLow,
        ResetHigh = (float)AcrobotConstants.ResetHigh,
    };

    /// <inheritdoc />
    public static string Id => "Acrobot-v1";
    /// <inheritdoc />
    public static int Actions => AcrobotConstants.ActionCount;
    /// <inheritdoc />
    public static int MaxEpisodeSteps => AcrobotConstants.MaxEpisodeSteps;
    /// <inheritdoc />
    public static int ResetDraws => 4;

    /// <summary>Gymnasium's observation space: cosines and sines, then the velocity bounds.</summary>
    public static Vector6 ObservationHigh => new(1.0f, 1.0f, 1.0f, 1.0f, (float)AcrobotConstants.MaxVelocity1, (float)AcrobotConstants.MaxVelocity2);

    /// <inheritdoc />
    public static Vector6 ObservationLow => Vector6.Scale(ObservationHigh, -1.0f);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly AcrobotState Reset(ulong streamKey) => new(
        ResetLow + (ResetHigh - ResetLow) * CounterRandom.UniformFloat(streamKey, 0),
        ResetLow + (ResetHigh - ResetLow) * CounterRandom.UniformFloat(streamKey, 1),
        ResetLow + (ResetHigh - ResetLow) * CounterRandom.UniformFloat(streamKey, 2),
        ResetLow + (ResetHigh - ResetLow) * CounterRandom.UniformFloat(streamKey, 3));

    /// <summary>Torque action - 1; reward -1 per step and 0 on the terminating one (the tip above the bar).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly Transition<AcrobotState> Step(AcrobotState s, int action)
    {
        float torque = action - 1.0f;
        float dt2 = Dt / 2.0f;
        AcrobotState k1 = Derivatives(s, torque);
        AcrobotState k2 = Derivatives(Add(s, k1, dt2), torque);
        AcrobotState k3 = Derivatives(Add(s, k2, dt2), torque);
        AcrobotState k4 = Derivatives(Add(s, k3, Dt), torque);
        float sixth = Dt / 6.0f;
        var next = new AcrobotState(
            Wrap(s.Theta1 + sixth * (k1.Theta1 + 2 * k2.Theta1 + 2 * k3.Theta1 + k4.Theta1)),
            Wrap(s.Theta2 + sixth * (k1.Theta2 + 2 * k2.Theta2 + 2 * k3.Theta2 + k4.Theta2)),
            Bound(s.DTheta1 + sixth * (k1.DTheta1 + 2 * k2.DTheta1 + 2 * k3.DTheta1 + k4.DTheta1), MaxVelocity1),
            Bound(s.DTheta2 + sixth * (k1.DTheta2 + 2 * k2.DTheta2 + 2 * k3.DTheta2 + k4.DTheta2), MaxVelocity2));
        bool terminated = -MathF.Cos(next.Theta1) - MathF.Cos(next.Theta2 + next.Theta1) > 1.0f;
        return new Transition<AcrobotState>(next, terminated ? 0.0f : -1.0f, terminated);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly Vector6 Observe(AcrobotState s) =>
        new(MathF.Cos(s.Theta1), MathF.Sin(s.Theta1), MathF.Cos(s.Theta2), MathF.Sin(s.Theta2), s.DTheta1, s.DTheta2);

    /// <summary>d(theta1, theta2, dtheta1, dtheta2)/dt of the "book" equations.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly AcrobotState Derivatives(AcrobotState s, float torque)
    {
        float m1 = LinkMass1, m2 = LinkMass2, l1 = LinkLength1, lc1 = LinkCenterOfMass1, lc2 = LinkCenterOfMass2;
        float inertia = LinkMomentOfInertia, g = Gravity;
        float cos2 = MathF.Cos(s.Theta2), sin2 = MathF.Sin(s.Theta2);
        float d1 = m1 * (lc1 * lc1) + m2 * (l1 * l1 + lc2 * lc2 + 2 * l1 * lc2 * cos2) + inertia + inertia;
        float d2 = m2 * (lc2 * lc2 + l1 * lc2 * cos2) + inertia;
        float phi2 = m2 * lc2 * g * MathF.Cos(s.Theta1 + s.Theta2 - MathF.PI / 2.0f);
        float phi1 = -m2 * l1 * lc2 * (s.DTheta2 * s.DTheta2) * sin2
                     - 2 * m2 * l1 * lc2 * s.DTheta2 * s.DTheta1 * sin2
                     + (m1 * lc1 + m2 * l1) * g * MathF.Cos(s.Theta1 - MathF.PI / 2)
                     + phi2;
        float ddtheta2 = (torque + d2 / d1 * phi1 - m2 * l1 * lc2 * (s.DTheta1 * s.DTheta1) * sin2 - phi2)
                         / (m2 * (lc2 * lc2) + inertia - d2 * d2 / d1);
        float ddtheta1 = -(d2 * ddtheta2 + phi1) / d1;
        return new AcrobotState(s.DTheta1, s.DTheta2, ddtheta1, ddtheta2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static AcrobotState Add(AcrobotState s, AcrobotState d, float h) =>
        new(s.Theta1 + h * d.Theta1, s.Theta2 + h * d.Theta2, s.DTheta1 + h * d.DTheta1, s.DTheta2 + h * d.DTheta2);

    /// <summary>Gymnasium's wrap into [-pi, pi]: whole turns added or taken away.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Wrap(float x)
    {
        const float turn = 2.0f * MathF.PI;
        while (x > MathF.PI)
            x -= turn;
        while (x < -MathF.PI)
            x += turn;
        return x;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Bound(float x, float limit) => Vectors.Clip(x, -limit, limit);
}
