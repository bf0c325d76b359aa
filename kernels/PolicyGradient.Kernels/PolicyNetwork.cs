using ILGPU;

namespace PolicyGradient.Kernels;

/// <summary>The policy MLP in float32 for device code: logits = fc2(relu(fc1(s))).</summary>
public static class PolicyNetwork
{
    /// <summary>Returns logit1 - logit0, which is all a two-action softmax depends on.</summary>
    public static float Logits(ArrayView<HiddenUnit> units, int hidden, float bias0, float bias1, CartPoleState s, out float logit0, out float logit1)
    {
        float l0 = bias0;
        float l1 = bias1;
        for (int j = 0; j < hidden; j++)
        {
            HiddenUnit unit = units[j];
            float h = MathF.Max(unit.Preactivation(s), 0.0f);
            l0 += unit.Out0 * h;
            l1 += unit.Out1 * h;
        }
        logit0 = l0;
        logit1 = l1;
        return l1 - l0;
    }

    /// <summary>pi(1|s) = sigmoid(logit1 - logit0), the softmax of two logits without overflow.</summary>
    public static float ProbabilityOfAction1(float logitGap) =>
        logitGap >= 0.0f
            ? 1.0f / (1.0f + MathF.Exp(-logitGap))
            : MathF.Exp(logitGap) / (1.0f + MathF.Exp(logitGap));
}
