using System.Runtime.CompilerServices;
using ILGPU;
using ILGPU.Runtime;

namespace PolicyGradient.Kernels;

/// <summary>The policy MLP in float32 for device code: logits = fc2(relu(fc1(s))).</summary>
public static class PolicyNetwork
{
    /// <summary>One agent's hidden units as a 1D view: the forward pass's loads then skip the 2D index arithmetic, which the CPU accelerator pays per access.</summary>
    public static ArrayView<HiddenUnitGroup> AgentUnits(ArrayView2D<HiddenUnitGroup, Stride2D.DenseX> parameters, int agent) =>
        parameters.BaseView.SubView(parameters.ComputeLinearIndex(new Index2D(0, agent)), parameters.IntExtent.X);

    /// <summary>Returns logit1 - logit0, which is all a two-action softmax depends on.</summary>
    /// <param name="groups">one agent's hidden units, in groups of four (<see cref="AgentUnits"/>).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Logits(ArrayView<HiddenUnitGroup> groups, float bias0, float bias1, CartPoleState s, out float logit0, out float logit1)
    {
        var logits = new Logits(bias0, bias1);
        int groupCount = groups.IntLength;
        for (int g = 0; g < groupCount; g++)
        {
            HiddenUnitGroup group = groups[g];
            logits = logits.Add(group.A, s).Add(group.B, s).Add(group.C, s).Add(group.D, s);
        }
        logit0 = logits.L0;
        logit1 = logits.L1;
        return logits.L1 - logits.L0;
    }

    /// <summary>pi(1|s) = sigmoid(logit1 - logit0), the softmax of two logits without overflow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ProbabilityOfAction1(float logitGap) =>
        logitGap >= 0.0f
            ? 1.0f / (1.0f + MathF.Exp(-logitGap))
            : MathF.Exp(logitGap) / (1.0f + MathF.Exp(logitGap));
}

/// <summary>The two logits, accumulated one hidden unit at a time (a value, so kernels keep it in registers).</summary>
public readonly struct Logits
{
    public readonly float L0;
    public readonly float L1;

    public Logits(float l0, float l1)
    {
        L0 = l0;
        L1 = l1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Logits Add(HiddenUnit unit, CartPoleState s)
    {
        float h = MathF.Max(unit.Preactivation(s), 0.0f);
        return new Logits(L0 + unit.Out0 * h, L1 + unit.Out1 * h);
    }
}
