using PolicyGradient.Kernels;
using PolicyGradient.Policy;

namespace PolicyGradient.Batched;

/// <summary>The policy in the device's layout: one <see cref="HiddenUnit"/> per hidden unit plus fc2.bias.</summary>
public readonly record struct PackedPolicy(HiddenUnit[] Units, float OutputBias0, float OutputBias1)
{
    public static PackedPolicy From(PolicyParameters policy)
    {
        var layout = policy.Layout;
        double[] p = policy.Values;
        var units = new HiddenUnit[layout.Hidden];
        for (int j = 0; j < units.Length; j++)
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
        return new PackedPolicy(units, (float)p[layout.Fc2Bias], (float)p[layout.Fc2Bias + 1]);
    }

    public int Hidden => Units.Length;

    /// <summary>A config that carries this policy's by-value parts.</summary>
    public EpisodeConfig Into(EpisodeConfig config)
    {
        config.Hidden = Hidden;
        config.OutputBias0 = OutputBias0;
        config.OutputBias1 = OutputBias1;
        return config;
    }
}
