using System.Runtime.CompilerServices;

namespace PolicyGradient.Kernels;

/// <summary>The N logits, logit 0 apart, accumulated one hidden unit at a time (a value, so kernels keep it in registers).</summary>
public readonly struct Logits<TOthers>(float first, TOthers others) where TOthers : unmanaged, IVector<TOthers>
{
    public readonly float First = first;
    public readonly TOthers Others = others;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Logits<TOthers> Add<TObservation>(HiddenUnit<TObservation, TOthers> unit, TObservation s)
        where TObservation : unmanaged, IVector<TObservation>
    {
        float h = MathF.Max(unit.Preactivation(s), 0.0f);
        return new Logits<TOthers>(First + unit.Out0 * h, TOthers.AddScaled(Others, unit.Out, h));
    }
}
