using PolicyGradient.Kernels;
using PolicyGradient.Policy;

namespace PolicyGradient.Batched;

/// <summary>The policy in the device's layout: hidden units in groups of four (zero-padded), fc2.bias (and a Gaussian head's log_std) apart.</summary>
internal static class PackedPolicy
{
    /// <summary>Writes a categorical <paramref name="policy"/>'s hidden units into <paramref name="groups"/> (no allocation) and returns fc2.bias.</summary>
    public static Logits<TOthers> Pack<TObservation, TOthers>(PolicyParameters policy, Span<HiddenUnitGroup<TObservation, TOthers>> groups)
        where TObservation : unmanaged, IVector<TObservation>
        where TOthers : unmanaged, IVector<TOthers>
    {
        var layout = policy.Layout;
        if (layout.Head != PolicyHead.Categorical || layout.Inputs != TObservation.Length || layout.Actions != TOthers.Length + 1)
            throw new ArgumentException($"a {layout} policy does not fit a network of {TObservation.Length} observations and {TOthers.Length + 1} actions", nameof(policy));
        PackUnits(policy, groups);
        return new Logits<TOthers>((float)policy.Values[layout.Fc2Bias], Strided<TOthers>(policy.Values, layout.Fc2Bias + 1, 1));
    }

    /// <summary>
    /// Writes a Gaussian <paramref name="policy"/>'s hidden units into <paramref name="groups"/> (no allocation), each
    /// unit's A means' weights in its vector and Out0 zero, and returns fc2.bias, log_std and exp(log_std) (float32, as the device would compute it on the CPU).
    /// </summary>
    public static GaussianHead<TAction> PackGaussian<TObservation, TAction>(PolicyParameters policy, Span<HiddenUnitGroup<TObservation, TAction>> groups)
        where TObservation : unmanaged, IVector<TObservation>
        where TAction : unmanaged, IVector<TAction>
    {
        var layout = policy.Layout;
        if (layout.Head != PolicyHead.Gaussian || layout.Inputs != TObservation.Length || layout.Actions != TAction.Length)
            throw new ArgumentException($"a {layout} policy does not fit a Gaussian network of {TObservation.Length} observations and {TAction.Length} action dimensions", nameof(policy));
        PackUnits(policy, groups);
        TAction logStd = Strided<TAction>(policy.Values, layout.LogStd, 1), std = logStd;
        for (int k = 0; k < TAction.Length; k++)
            std = TAction.With(std, k, MathF.Exp(TAction.Get(logStd, k)));
        return new GaussianHead<TAction> { Bias = Strided<TAction>(policy.Values, layout.Fc2Bias, 1), LogStd = logStd, Std = std };
    }

    private static void PackUnits<TObservation, TOut>(PolicyParameters policy, Span<HiddenUnitGroup<TObservation, TOut>> groups)
        where TObservation : unmanaged, IVector<TObservation>
        where TOut : unmanaged, IVector<TOut>
    {
        var layout = policy.Layout;
        if (groups.Length != HiddenUnitGroups.CountFor(layout.Hidden))
            throw new ArgumentException($"a {layout} policy packs into {HiddenUnitGroups.CountFor(layout.Hidden)} groups, got {groups.Length}", nameof(groups));
        double[] p = policy.Values;
        for (int g = 0; g < groups.Length; g++)
        {
            int j = g * HiddenUnitGroups.Size;
            groups[g] = new HiddenUnitGroup<TObservation, TOut>
            {
                A = Unit<TObservation, TOut>(p, layout, j), B = Unit<TObservation, TOut>(p, layout, j + 1),
                C = Unit<TObservation, TOut>(p, layout, j + 2), D = Unit<TObservation, TOut>(p, layout, j + 3),
            };
        }
    }

    /// <summary>
    /// Hidden unit <paramref name="j"/> (zero past the last): fc1's row and bias, and fc2's column, whose first
    /// value a categorical head keeps apart as Out0 (its logits are written relative to action 0) and a Gaussian one does not.
    /// </summary>
    private static HiddenUnit<TObservation, TOut> Unit<TObservation, TOut>(double[] p, PolicyLayout layout, int j)
        where TObservation : unmanaged, IVector<TObservation>
        where TOut : unmanaged, IVector<TOut>
    {
        if (j >= layout.Hidden)
            return default;
        int column = layout.Fc2Weight + j;
        bool firstApart = layout.Head == PolicyHead.Categorical;
        return new HiddenUnit<TObservation, TOut>
        {
            Weights = Strided<TObservation>(p, layout.Fc1Weight + layout.Inputs * j, 1),
            Bias = (float)p[layout.Fc1Bias + j],
            Out0 = firstApart ? (float)p[column] : 0.0f,
            Out = Strided<TOut>(p, firstApart ? column + layout.Hidden : column, layout.Hidden),
        };
    }

    /// <summary>The values at first, first + stride, ... as a vector.</summary>
    private static TVector Strided<TVector>(double[] p, int first, int stride) where TVector : unmanaged, IVector<TVector>
    {
        TVector v = default;
        for (int k = 0; k < TVector.Length; k++)
            v = TVector.With(v, k, (float)p[first + k * stride]);
        return v;
    }
}
