using System.Runtime.CompilerServices;
namespace PolicyGradient.Kernels;

/// <summary>
/// Gymnasium's CartPole-v1 step in float32 for kernels: the same formulas, in the same order,
/// as the float64 reference environment, so the two differ only by float32 rounding.
/// </summary>
public static class CartPolePhysics
{
    public const float Gravity = (float)CartPoleConstants.Gravity;
    public const float MassPole = (float)CartPoleConstants.MassPole;
    public const float TotalMass = (float)CartPoleConstants.TotalMass;
    public const float Length = (float)CartPoleConstants.Length;
    public const float PoleMassLength = (float)CartPoleConstants.PoleMassLength;
    public const float ForceMag = (float)CartPoleConstants.ForceMag;
    public const float Tau = (float)CartPoleConstants.Tau;
    public const float XThreshold = (float)CartPoleConstants.XThreshold;
    public const float ThetaThreshold = (float)CartPoleConstants.ThetaThreshold;
    public const float ResetLow = (float)CartPoleConstants.ResetLow;
    public const float ResetHigh = (float)CartPoleConstants.ResetHigh;

    /// <summary>Uniform reset in [-0.05, 0.05), draws 0..3 of the stream.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static CartPoleState Reset(ulong key) => new(
        ResetLow + (ResetHigh - ResetLow) * CounterRandom.UniformFloat(key, 0),
        ResetLow + (ResetHigh - ResetLow) * CounterRandom.UniformFloat(key, 1),
        ResetLow + (ResetHigh - ResetLow) * CounterRandom.UniformFloat(key, 2),
        ResetLow + (ResetHigh - ResetLow) * CounterRandom.UniformFloat(key, 3));

    /// <summary>Number of stream draws that Reset consumes; step draws come after them.</summary>
    public const ulong ResetDraws = 4;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static CartPoleState Step(CartPoleState s, int action)
    {
        float force = action == 1 ? ForceMag : -ForceMag;
        float cos = MathF.Cos(s.Theta);
        float sin = MathF.Sin(s.Theta);
        float temp = (force + PoleMassLength * (s.ThetaDot * s.ThetaDot) * sin) / TotalMass;
        float thetaAcc = (Gravity * sin - cos * temp)
                         / (Length * (4.0f / 3.0f - MassPole * (cos * cos) / TotalMass));
        float xAcc = temp - PoleMassLength * thetaAcc * cos / TotalMass;
        return new CartPoleState(
            s.X + Tau * s.XDot,
            s.XDot + Tau * xAcc,
            s.Theta + Tau * s.ThetaDot,
            s.ThetaDot + Tau * thetaAcc);
    }

    /// <summary>Gymnasium's strict test: exactly on a threshold is still alive.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsTerminal(CartPoleState s) =>
        s.X < -XThreshold || s.X > XThreshold || s.Theta < -ThetaThreshold || s.Theta > ThetaThreshold;
}
