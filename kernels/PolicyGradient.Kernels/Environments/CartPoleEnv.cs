using System.Runtime.CompilerServices;

namespace PolicyGradient.Kernels;

/// <summary>
/// Gymnasium's CartPole-v1 in float32 for kernels: the same formulas, in the same order, as the
/// float64 reference environment, so the two differ only by float32 rounding. The constants are
/// fields (the environment's runtime parameters), each rounded once from
/// <see cref="CartPoleConstants"/>.
/// </summary>
public struct CartPoleEnv : IDiscreteEnvironment<CartPoleState, Vector4>, IObservationBounds<Vector4>
{
    internal float Gravity;
    internal float MassPole;
    internal float TotalMass;
    internal float Length;
    internal float PoleMassLength;
    internal float ForceMag;
    internal float Tau;
    internal float XThreshold;
    internal float ThetaThreshold;
    internal float ResetLow;
    internal float ResetHigh;

    /// <summary>Gymnasium's environment: its constants, each rounded once to float32.</summary>
    public static CartPoleEnv Gymnasium => new()
    {
        Gravity = (float)CartPoleConstants.Gravity,
        MassPole = (float)CartPoleConstants.MassPole,
        TotalMass = (float)CartPoleConstants.TotalMass,
        Length = (float)CartPoleConstants.Length,
        PoleMassLength = (float)CartPoleConstants.PoleMassLength,
        ForceMag = (float)CartPoleConstants.ForceMag,
        Tau = (float)CartPoleConstants.Tau,
        XThreshold = (float)CartPoleConstants.XThreshold,
        ThetaThreshold = (float)CartPoleConstants.ThetaThreshold,
        ResetLow = (float)CartPoleConstants.ResetLow,
        ResetHigh = (float)CartPoleConstants.ResetHigh,
    };

    /// <inheritdoc />
    public static string Id => "CartPole-v1";
    /// <inheritdoc />
    public static int Actions => 2;
    /// <inheritdoc />
    public static int MaxEpisodeSteps => CartPoleConstants.MaxEpisodeSteps;
    /// <inheritdoc />
    public static int ResetDraws => 4;

    /// <summary>Gymnasium's observation space: twice the termination thresholds, velocities unbounded.</summary>
    public static Vector4 ObservationHigh => new((float)(2 * CartPoleConstants.XThreshold), float.MaxValue, (float)(2 * CartPoleConstants.ThetaThreshold), float.MaxValue);

    /// <inheritdoc />
    public static Vector4 ObservationLow => Vector4.Scale(ObservationHigh, -1.0f);

    /// <summary>Uniform in [-0.05, 0.05) per state variable.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly CartPoleState Reset(ulong streamKey) => new(
        ResetLow + (ResetHigh - ResetLow) * CounterRandom.UniformFloat(streamKey, 0),
        ResetLow + (ResetHigh - ResetLow) * CounterRandom.UniformFloat(streamKey, 1),
        ResetLow + (ResetHigh - ResetLow) * CounterRandom.UniformFloat(streamKey, 2),
        ResetLow + (ResetHigh - ResetLow) * CounterRandom.UniformFloat(streamKey, 3));

    /// <summary>Action 1 pushes right, 0 left; 1 reward per step, the terminating one included.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly Transition<CartPoleState> Step(CartPoleState s, int action)
    {
        float force = action == 1 ? ForceMag : -ForceMag;
        float cos = MathF.Cos(s.Theta);
        float sin = MathF.Sin(s.Theta);
        float temp = (force + PoleMassLength * (s.ThetaDot * s.ThetaDot) * sin) / TotalMass;
        float thetaAcc = (Gravity * sin - cos * temp)
                         / (Length * (4.0f / 3.0f - MassPole * (cos * cos) / TotalMass));
        float xAcc = temp - PoleMassLength * thetaAcc * cos / TotalMass;
        var next = new CartPoleState(
            s.X + Tau * s.XDot,
            s.XDot + Tau * xAcc,
            s.Theta + Tau * s.ThetaDot,
            s.ThetaDot + Tau * thetaAcc);
        return new Transition<CartPoleState>(next, 1.0f, IsTerminal(next));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly Vector4 Observe(CartPoleState s) => new(s.X, s.XDot, s.Theta, s.ThetaDot);

    /// <summary>Gymnasium's strict test: exactly on a threshold is still alive.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly bool IsTerminal(CartPoleState s) =>
        s.X < -XThreshold || s.X > XThreshold || s.Theta < -ThetaThreshold || s.Theta > ThetaThreshold;
}
