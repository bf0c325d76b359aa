using System.Runtime.CompilerServices;
using ILGPU;
using ILGPU.Runtime;

namespace PolicyGradient.Kernels;

/// <summary>
/// The policy MLP in float32 for device code: outputs = fc2(relu(fc1(s))), the logits of a
/// categorical head or the means of a Gaussian one (which keeps <see cref="Logits{TOthers}.First"/>
/// and each unit's Out0 at zero and all its means in the vector).
/// </summary>
internal static class PolicyNetwork
{
    /// <summary>One agent's hidden units as a 1D view: the forward pass's loads then skip the 2D index arithmetic, which the CPU accelerator pays per access.</summary>
    public static ArrayView<T> AgentUnits<T>(ArrayView2D<T, Stride2D.DenseX> parameters, int agent) where T : unmanaged =>
        parameters.BaseView.SubView(parameters.ComputeLinearIndex(new Index2D(0, agent)), parameters.IntExtent.X);

    /// <param name="groups">one agent's hidden units, in groups of four (<see cref="AgentUnits"/>).</param>
    /// <param name="bias">fc2.bias.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Logits<TOthers> Forward<TObservation, TOthers>(ArrayView<HiddenUnitGroup<TObservation, TOthers>> groups, Logits<TOthers> bias, TObservation s)
        where TObservation : unmanaged, IVector<TObservation>
        where TOthers : unmanaged, IVector<TOthers>
    {
        Logits<TOthers> logits = bias;
        int groupCount = groups.IntLength;
        for (int g = 0; g < groupCount; g++)
        {
            HiddenUnitGroup<TObservation, TOthers> group = groups[g];
            logits = logits.Add(group.A, s).Add(group.B, s).Add(group.C, s).Add(group.D, s);
        }
        return logits;
    }

}
