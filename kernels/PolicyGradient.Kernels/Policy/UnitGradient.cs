using System.Runtime.CompilerServices;

namespace PolicyGradient.Kernels;

/// <summary>
/// sum_t d log pi(a_t|s_t) / d (one hidden unit's parameters), each step weighted, accumulated one
/// step at a time: fc1.weight[j][*], fc1.bias[j] and fc2.weight[1..N-1][j] (fc2.weight[0][j]'s is
/// minus their sum). A value, so kernels keep it in registers.
/// </summary>
internal readonly struct UnitGradient<TObservation, TOthers>(TObservation weights, float bias, TOthers @out)
    where TObservation : unmanaged, IVector<TObservation>
    where TOthers : unmanaged, IVector<TOthers>
{
    public readonly TObservation Weights = weights;
    public readonly float Bias = bias;
    public readonly TOthers Out = @out;

    /// <param name="d">w_t * d log pi(a_t|s_t) / d logit_k, k = 1..N-1 (<see cref="CategoricalPolicy.LogitGradient"/>).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public UnitGradient<TObservation, TOthers> Add(HiddenUnit<TObservation, TOthers> unit, TObservation s, TOthers d)
    {
        float pre = unit.Preactivation(s);
        // d logit_0 = -sum_k d logit_k, so dh = sum_k (out_k - out_0) * d logit_k.
        float dh = pre > 0.0f ? TOthers.Dot(TOthers.Subtract(unit.Out, unit.Out0), d) : 0.0f;
        return new UnitGradient<TObservation, TOthers>(
            TObservation.AddScaled(Weights, s, dh),
            Bias + dh,
            TOthers.AddScaled(Out, d, Relu.Of(pre)));
    }
}
