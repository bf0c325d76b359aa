using System.Runtime.CompilerServices;

namespace PolicyGradient.Kernels;

/// <summary>
/// Two vectors end to end: components 0..A.Length-1 are <see cref="A"/>'s, the rest
/// <see cref="B"/>'s. Each operation is its halves' in order, so sums stay left to right.
/// </summary>
public struct Pair<TA, TB>(TA a, TB b) : IVector<Pair<TA, TB>>
    where TA : unmanaged, IVector<TA>
    where TB : unmanaged, IVector<TB>
{
    public TA A = a;
    public TB B = b;

    public static int Length => TA.Length + TB.Length;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Get(Pair<TA, TB> v, int i) => i < TA.Length ? TA.Get(v.A, i) : TB.Get(v.B, i - TA.Length);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pair<TA, TB> With(Pair<TA, TB> v, int i, float value) =>
        i < TA.Length ? new(TA.With(v.A, i, value), v.B) : new(v.A, TB.With(v.B, i - TA.Length, value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot(Pair<TA, TB> x, Pair<TA, TB> w) => TB.MultiplyAdd(TA.Dot(x.A, w.A), x.B, w.B);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MultiplyAdd(float acc, Pair<TA, TB> x, Pair<TA, TB> w) => TB.MultiplyAdd(TA.MultiplyAdd(acc, x.A, w.A), x.B, w.B);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sum(float acc, Pair<TA, TB> v) => TB.Sum(TA.Sum(acc, v.A), v.B);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Max(float acc, Pair<TA, TB> v) => TB.Max(TA.Max(acc, v.A), v.B);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pair<TA, TB> AddScaled(Pair<TA, TB> acc, Pair<TA, TB> x, float s) => new(TA.AddScaled(acc.A, x.A, s), TB.AddScaled(acc.B, x.B, s));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pair<TA, TB> Add(Pair<TA, TB> a, Pair<TA, TB> b) => new(TA.Add(a.A, b.A), TB.Add(a.B, b.B));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pair<TA, TB> Subtract(Pair<TA, TB> v, float s) => new(TA.Subtract(v.A, s), TB.Subtract(v.B, s));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pair<TA, TB> Scale(Pair<TA, TB> v, float s) => new(TA.Scale(v.A, s), TB.Scale(v.B, s));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pair<TA, TB> Divide(Pair<TA, TB> v, float d) => new(TA.Divide(v.A, d), TB.Divide(v.B, d));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pair<TA, TB> ExpMinus(Pair<TA, TB> v, float m) => new(TA.ExpMinus(v.A, m), TB.ExpMinus(v.B, m));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pair<TA, TB> OneHotMinus(Pair<TA, TB> p, int index) => new(TA.OneHotMinus(p.A, index), TB.OneHotMinus(p.B, index - TA.Length));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float PLogP(Pair<TA, TB> p) => TA.PLogP(p.A) + TB.PLogP(p.B);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pick PickFromLast(Pair<TA, TB> p, float u, Pick picked, int offset) =>
        TA.PickFromLast(p.A, u, TB.PickFromLast(p.B, u, picked, offset + TA.Length), offset);
}
