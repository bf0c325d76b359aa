using PolicyGradient.Kernels;
using PolicyGradient.Policy;

namespace PolicyGradient.Batched;

/// <summary>The policy in the device's layout: hidden units in groups of four (zero-padded), fc2.bias (and a Gaussian head's log_std) apart.</summary>
internal static class PackedPolicy
{
    /// <summary>Writes <paramref name="policy"/>'s hidden units into <paramref name="groups"/> (no allocation) and returns fc2.bias.</summary>
    public static Logits<TOthers> Pack<TObservation, TOthers>(PolicyParameters policy, Span<HiddenUnitGroup<TObservation, TOthers>> groups)
        where TObservation : unmanaged, IVector<TObservation>
        where TOthers : unmanaged, IVector<TOthers>
    {
        var layout = policy.Layout;
        if (layout.Head != PolicyHead.Categorical || layout.Inputs != TObservation.Length || layout.Actions != TOthers.Length + 1)
            throw new ArgumentException($"a {layout} policy does not fit a network of {TObservation.Length} observations and {TOthers.Length + 1} actions", nameof(policy));
        if (groups.Length != HiddenUnitGroups.CountFor(layout.Hidden))
            throw new ArgumentException($"a {layout} policy packs into {HiddenUnitGroups.CountFor(layout.Hidden)} groups, got {groups.Length}", nameof(groups));
        double[] p = policy.Values;
        for (int g = 0; g < groups.Length; g++)
        {
            int j = g * HiddenUnitGroups.Size;
            groups[g] = new HiddenUnitGroup<TObservation, TOthers>
            {
                A = Unit<TObservation, TOthers>(p, layout, j), B = Unit<TObservation, TOthers>(p, layout, j + 1),
                C = Unit<TObservation, TOthers>(p, layout, j + 2), D = Unit<TObservation, TOthers>(p, layout, j + 3),
            };
        }
        return new Logits<TOthers>((float)p[layout.Fc2Bias], Others<TOthers>(p, layout.Fc2Bias + 1, 1));
    }

    /// <summary>
    /// Writes a Gaussian <paramref name="policy"/>'s hidden units into <paramref name="groups"/> (no allocation), each
    /// unit's A means' weights in its vector and Out0 zero, and returns fc2.bias and log_std.
    /// </summary>
    public static GaussianHead<TAction> PackGaussian<TObservation, TAction>(PolicyParameters policy, Span<HiddenUnitGroup<TObservation, TAction>> groups)
        where TObservation : unmanaged, IVector<TObservation>
        where TAction : unmanaged, IVector<TAction>
    {
        var layout = policy.Layout;
        if (layout.Head != PolicyHead.Gaussian || layout.Inputs != TObservation.Length || layout.Actions != TAction.Length)
            throw new ArgumentException($"a {layout} policy does not fit a Gaussian network of {TObservation.Length} observations and {TAction.Length} action dimensions", nameof(policy));
        if (groups.Length != HiddenUnitGroups.CountFor(layout.Hidden))
            throw new ArgumentException($"a {layout} policy packs into {HiddenUnitGroups.CountFor(layout.Hidden)} groups, got {groups.Length}", nameof(groups));
        double[] p = policy.Values;
        for (int g = 0; g < groups.Length; g++)
        {
            int j = g * HiddenUnitGroups.Size;
            groups[g] = new HiddenUnitGroup<TObservation, TAction>
            {
                A = GaussianUnit<TObservation, TAction>(p, layout, j), B = GaussianUnit<TObservation, TAction>(p, layout, j + 1),
                C = GaussianUnit<TObservation, TAction>(p, layout, j + 2), D = GaussianUnit<TObservation, TAction>(p, layout, j + 3),
            };
        }
        return new GaussianHead<TAction> { Bias = Others<TAction>(p, layout.Fc2Bias, 1), LogStd = Others<TAction>(p, layout.LogStd, 1) };
    }

    private static HiddenUnit<TObservation, TAction> GaussianUnit<TObservation, TAction>(double[] p, PolicyLayout layout, int j)
        where TObservation : unmanaged, IVector<TObservation>
        where TAction : unmanaged, IVector<TAction>
    {
        if (j >= layout.Hidden)
            return default;
        return new HiddenUnit<TObservation, TAction>
        {
            Weights = Fc1Weights<TObservation>(p, layout, j),
            Bias = (float)p[layout.Fc1Bias + j],
            Out = Others<TAction>(p, layout.Fc2Weight + j, layout.Hidden),
        };
    }

    private static TObservation Fc1Weights<TObservation>(double[] p, PolicyLayout layout, int j) where TObservation : unmanaged, IVector<TObservation>
    {
        TObservation weights = default;
        int w = layout.Fc1Weight + layout.Inputs * j;
        for (int i = 0; i < layout.Inputs; i++)
            weights = TObservation.With(weights, i, (float)p[w + i]);
        return weights;
    }

    private static HiddenUnit<TObservation, TOthers> Unit<TObservation, TOthers>(double[] p, PolicyLayout layout, int j)
        where TObservation : unmanaged, IVector<TObservation>
        where TOthers : unmanaged, IVector<TOthers>
    {
        if (j >= layout.Hidden)
            return default;
        return new HiddenUnit<TObservation, TOthers>
        {
            Weights = Fc1Weights<TObservation>(p, layout, j),
            Bias = (float)p[layout.Fc1Bias + j],
            Out0 = (float)p[layout.Fc2Weight + j],
            Out = Others<TOthers>(p, layout.Fc2Weight + layout.Hidden + j, layout.Hidden),
        };
    }

    /// <summary>The values at first, first + stride, ... as a vector.</summary>
    private static TOthers Others<TOthers>(double[] p, int first, int stride) where TOthers : unmanaged, IVector<TOthers>
    {
        TOthers others = default;
        for (int k = 0; k < TOthers.Length; k++)
            others = TOthers.With(others, k, (float)p[first + k * stride]);
        return others;
    }
}
