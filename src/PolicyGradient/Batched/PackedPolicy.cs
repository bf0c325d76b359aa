using PolicyGradient.Kernels;
using PolicyGradient.Policy;

namespace PolicyGradient.Batched;

/// <summary>The policy in the device's layout: hidden units in groups of four (zero-padded), fc2.bias apart.</summary>
public static class PackedPolicy
{
    /// <summary>Writes <paramref name="policy"/>'s hidden units into <paramref name="groups"/> (no allocation) and returns fc2.bias.</summary>
    public static (float Bias0, float Bias1) Pack(PolicyParameters policy, Span<HiddenUnitGroup> groups)
    {
        var layout = policy.Layout;
        if (groups.Length != HiddenUnitGroup.CountFor(layout.Hidden))
            throw new ArgumentException($"a 4-{layout.Hidden}-2 policy packs into {HiddenUnitGroup.CountFor(layout.Hidden)} groups, got {groups.Length}", nameof(groups));
        double[] p = policy.Values;
        for (int g = 0; g < groups.Length; g++)
        {
            int j = g * HiddenUnitGroup.Size;
            groups[g] = new HiddenUnitGroup { A = Unit(p, layout, j), B = Unit(p, layout, j + 1), C = Unit(p, layout, j + 2), D = Unit(p, layout, j + 3) };
        }
        return ((float)p[layout.Fc2Bias], (float)p[layout.Fc2Bias + 1]);
    }

    private static HiddenUnit Unit(double[] p, PolicyLayout layout, int j)
    {
        if (j >= layout.Hidden)
            return default;
        int w = layout.Fc1Weight + PolicyLayout.Inputs * j;
        return new HiddenUnit
        {
            W0 = (float)p[w],
            W1 = (float)p[w + 1],
            W2 = (float)p[w + 2],
            W3 = (float)p[w + 3],
            Bias = (float)p[layout.Fc1Bias + j],
            Out0 = (float)p[layout.Fc2Weight + j],
            Out1 = (float)p[layout.Fc2Weight + layout.Hidden + j],
        };
    }
}
