using System.Runtime.CompilerServices;

namespace PolicyGradient.Kernels;

/// <summary>The N logits, logit 0 apart, accumulated one hidden unit at a time (a value, so kernels keep it in registers).</summary>
internal struct Logits<TOthers> where TOthers : unmanaged, IVector<TOthers>
{
    // Others first: ILGPU 1.5.3 fails to compile a read of a vector field behind a float one ("Cannot convert from 'Float32' to type 'Struct<...>'").
    public TOthers Others;
    public float First;

    public Logits(float first, TOthers others)
    {
        Others = others;
        First = first;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly Logits<TOthers> Add<TObservation>(HiddenUnit<TObservation, TOthers> unit, TObservation s)
        where TObservation : unmanaged, IVector<TObservation>
    {
        float h = Relu.Of(unit.Preactivation(s));
        return new Logits<TOthers>(First + unit.Out0 * h, TOthers.AddScaled(Others, unit.Out, h));
    }
}
