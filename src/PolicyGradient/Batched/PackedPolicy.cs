using PolicyGradient.Kernels;
using PolicyGradient.Policy;

namespace PolicyGradient.Batched;

/// <summary>The policy in the device's layout: hidden units in groups of four (zero-padded) plus fc2.bias.</summary>
public readonly record struct PackedPolicy(int Hidden, HiddenUnitGroup[] Groups, float OutputBias0, float OutputBias1)
{
    public static PackedPolicy From(PolicyParameters policy)
    {
        var layout = policy.Layout;
        double[] p = policy.Values;
        var units = new HiddenUnit[HiddenUnitGroup.CountFor(layout.Hidden) * HiddenUnitGroup.Size];
        for (int j = 0; j < layout.Hidden; j++)
        {
            int w = layout.Fc1Weight + PolicyLayout.Inputs * j;
            units[j] = new HiddenUnit
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
        var groups = new HiddenUnitGroup[units.Length / HiddenUnitGroup.Size];
        for (int g = 0; g < groups.Length; g++)
        {
            int j = g * HiddenUnitGroup.Size;
            groups[g] = new HiddenUnitGroup { A = units[j], B = units[j + 1], C = units[j + 2], D = units[j + 3] };
        }
        return new PackedPolicy(layout.Hidden, groups, (float)p[layout.Fc2Bias], (float)p[layout.Fc2Bias + 1]);
    }

    /// <summary>A config that carries this policy's by-value parts.</summary>
    public EpisodeConfig Into(EpisodeConfig config)
    {
        config.Hidden = Hidden;
        config.OutputBias0 = OutputBias0;
        config.OutputBias1 = OutputBias1;
        return config;
    }
}
