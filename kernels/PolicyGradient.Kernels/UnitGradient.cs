using System.Runtime.CompilerServices;
namespace PolicyGradient.Kernels;

/// <summary>
/// sum_t w_t * d log pi(a_t|s_t) / d (one hidden unit's parameters), accumulated one step at a
/// time: fc1.weight[j][0..3], fc1.bias[j] and fc2.weight[1][j] (fc2.weight[0][j]'s is its negative).
/// A value, so kernels keep it in registers.
/// </summary>
public readonly struct UnitGradient
{
    public readonly float X;
    public readonly float XDot;
    public readonly float Theta;
    public readonly float ThetaDot;
    public readonly float Bias;
    public readonly float Out1;

    private UnitGradient(float x, float xDot, float theta, float thetaDot, float bias, float out1)
    {
        X = x;
        XDot = xDot;
        Theta = theta;
        ThetaDot = thetaDot;
        Bias = bias;
        Out1 = out1;
    }

    /// <param name="d1">w_t * d log pi(a_t|s_t) / d logit1 (= -(... / d logit0)).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public UnitGradient Add(HiddenUnit unit, CartPoleState s, float d1)
    {
        float pre = unit.Preactivation(s);
        float dh = pre > 0.0f ? (unit.Out1 - unit.Out0) * d1 : 0.0f;
        return new UnitGradient(
            X + dh * s.X,
            XDot + dh * s.XDot,
            Theta + dh * s.Theta,
            ThetaDot + dh * s.ThetaDot,
            Bias + dh,
            Out1 + d1 * MathF.Max(pre, 0.0f));
    }
}
