using System.Runtime.CompilerServices;
namespace PolicyGradient.Kernels;

/// <summary>
/// Everything the network holds for one hidden unit j: fc1.weight[j][0..3], fc1.bias[j],
/// fc2.weight[0][j], fc2.weight[1][j].
/// </summary>
public struct HiddenUnit
{
    public float W0;
    public float W1;
    public float W2;
    public float W3;
    public float Bias;
    public float Out0;
    public float Out1;
    public float Padding;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly float Preactivation(CartPoleState s) => W0 * s.X + W1 * s.XDot + W2 * s.Theta + W3 * s.ThetaDot + Bias;
}

/// <summary>
/// Four hidden units read with one load. On the ILGPU CPU accelerator every view access pays
/// bounds and buffer checks, so the forward pass loads the network in groups, and the
/// gradient pass loads each recorded step once per group rather than once per unit. The
/// last group is padded with zero units, which add nothing to the logits.
/// </summary>
public struct HiddenUnitGroup
{
    public const int Size = 4;

    public HiddenUnit A;
    public HiddenUnit B;
    public HiddenUnit C;
    public HiddenUnit D;

    public static int CountFor(int hidden) => (hidden + Size - 1) / Size;
}
