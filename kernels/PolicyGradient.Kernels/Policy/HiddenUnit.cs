using System.Runtime.CompilerServices;

namespace PolicyGradient.Kernels;

/// <summary>
/// Everything the network holds for one hidden unit j: fc1.weight[j][*], fc1.bias[j],
/// fc2.weight[0][j] and fc2.weight[1..N-1][j]. Logit 0 is kept apart because the softmax's
/// gradient is written relative to it (see <see cref="CategoricalPolicy"/>).
/// </summary>
/// <typeparam name="TObservation">D observations.</typeparam>
/// <typeparam name="TOthers">The N-1 actions after action 0.</typeparam>
internal struct HiddenUnit<TObservation, TOthers>
    where TObservation : unmanaged, IVector<TObservation>
    where TOthers : unmanaged, IVector<TOthers>
{
    public TObservation Weights;
    public float Bias;
    public float Out0;
    public TOthers Out;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly float Preactivation(TObservation s) => TObservation.Dot(Weights, s) + Bias;
}

/// <summary>
/// Four hidden units read with one load. On the ILGPU CPU accelerator every view access pays
/// bounds and buffer checks, so the forward pass loads the network in groups, and the gradient
/// pass loads each recorded step once per group rather than once per unit. The last group is
/// padded with zero units, which add nothing to the logits.
/// </summary>
internal struct HiddenUnitGroup<TObservation, TOthers>
    where TObservation : unmanaged, IVector<TObservation>
    where TOthers : unmanaged, IVector<TOthers>
{
    public HiddenUnit<TObservation, TOthers> A;
    public HiddenUnit<TObservation, TOthers> B;
    public HiddenUnit<TObservation, TOthers> C;
    public HiddenUnit<TObservation, TOthers> D;
}

internal static class HiddenUnitGroups
{
    public const int Size = 4;

    public static int CountFor(int hidden) => (hidden + Size - 1) / Size;
}
