using PolicyGradient.Kernels;
using PolicyGradient.Policy;

namespace PolicyGradient.Batched;

/// <summary>The policy in the device's layout: hidden units in groups of four (zero-padded), fc2.bias apart.</summary>
internal static class PackedPolicy
{
    /// <summary>Writes <paramref name="policy"/>'s hidden units into <paramref name="groups"/> (no allocation) and returns fc2.bias.</summary>
    public static Logits<TOthers> Pack<TObservation, TOthers>(PolicyParameters policy, Span<HiddenUnitGroup<TObservation, TOthers>> groups)
        where TObservation : unmanaged, IVector<TObservation>
        where TOthers : unmanaged, IVector<TOthers>
    {
        var layout = policy.Layout;
        if (layout.Inputs != TObservation.Length || layout.Actions != TOthers.Length + 1)
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

    private static HiddenUnit<TObservation, TOthers> Unit<TObservation, TOthers>(double[] p, PolicyLayout layout, int j)
        where TObservation : unmanaged, IVector<TObservation>
        where TOthers : unmanaged, IVector<TOthers>
    {
        if (j >= layout.Hidden)
            return default;
        TObservation weights = default;
        int w = layout.Fc1Weight + layout.Inputs * j;
        for (int i = 0; i < layout.Inputs; i++)
            weights = TObservation.With(weights, i, (float)p[w + i]);
        return new HiddenUnit<TObservation, TOthers>
        {
            Weights = weights,
            Bias = (float)p[layout.Fc1Bias + j],
            Out0 = (float)p[layout.Fc2Weight + j],
            Out = Others<TOthers>(p, layout.Fc2Weight + layout.Hidden + j, layout.Hidden),
        };
    }

    /// <summary>The values at first, first + stride, ... as a vector of the actions after action 0.</summary>
    private static TOthers Others<TOthers>(double[] p, int first, int stride) where TOthers : unmanaged, IVector<TOthers>
    {
        TOthers others = default;
        for (int k = 0; k < TOthers.Length; k++)
            others = TOthers.With(others, k, (float)p[first + k * stride]);
        return others;
    }
}
