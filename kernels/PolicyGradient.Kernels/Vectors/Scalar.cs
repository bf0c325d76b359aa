using System.Runtime.CompilerServices;

namespace PolicyGradient.Kernels;

/// <summary>A vector of length 1: the leaf every longer <see cref="Pair{TA, TB}"/> is built from.</summary>
public struct Scalar(float value) : IVector<Scalar>
{
    public float Value = value;

    public static int Length => 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Get(Scalar v, int i) => v.Value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Scalar With(Scalar v, int i, float value) => new(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot(Scalar x, Scalar w) => x.Value * w.Value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MultiplyAdd(float acc, Scalar x, Scalar w) => acc + x.Value * w.Value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sum(float acc, Scalar v) => acc + v.Value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Max(float acc, Scalar v) => MathF.Max(acc, v.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Scalar AddScaled(Scalar acc, Scalar x, float s) => new(acc.Value + x.Value * s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Scalar Add(Scalar a, Scalar b) => new(a.Value + b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Scalar Subtract(Scalar v, float s) => new(v.Value - s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Scalar Scale(Scalar v, float s) => new(v.Value * s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Scalar Divide(Scalar v, float d) => new(v.Value / d);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Scalar ExpMinus(Scalar v, float m) => new(MathF.Exp(v.Value - m));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Scalar OneHotMinus(Scalar p, int index) => new((index == 0 ? 1.0f : 0.0f) - p.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float PLogP(Scalar p) => p.Value > 0.0f ? p.Value * MathF.Log(p.Value) : 0.0f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pick PickFromLast(Scalar p, float u, Pick picked, int offset)
    {
        if (picked.Index >= 0)
            return picked;
        float cumulative = picked.Cumulative + p.Value;
        return new Pick(cumulative, u < cumulative ? offset : -1);
    }
}
