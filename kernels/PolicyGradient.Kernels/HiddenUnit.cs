namespace PolicyGradient.Kernels;

/// <summary>
/// Everything the network holds for one hidden unit j, packed so a kernel reads it in one
/// load: fc1.weight[j][0..3], fc1.bias[j], fc2.weight[0][j], fc2.weight[1][j]. On the ILGPU
/// CPU accelerator every view access costs bounds and buffer checks, so one 32-byte load
/// instead of seven scalar ones is most of the forward pass's speed.
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

    public readonly float Preactivation(CartPoleState s) => W0 * s.X + W1 * s.XDot + W2 * s.Theta + W3 * s.ThetaDot + Bias;
}
