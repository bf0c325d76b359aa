using ILGPU;

namespace PolicyGradient.Kernels;

/// <summary>The policy MLP in float32 for device code: logits = fc2(relu(fc1(s))).</summary>
public static class PolicyNetwork
{
    public static float HiddenPreactivation(ArrayView<float> p, PolicyLayout layout, int j, CartPoleState s)
    {
        int w = layout.Fc1Weight + PolicyLayout.Inputs * j;
        return p[w] * s.X + p[w + 1] * s.XDot + p[w + 2] * s.Theta + p[w + 3] * s.ThetaDot
               + p[layout.Fc1Bias + j];
    }

    /// <summary>Returns logit1 - logit0, which is all a two-action softmax depends on.</summary>
    public static float Logits(ArrayView<float> p, PolicyLayout layout, CartPoleState s, out float logit0, out float logit1)
    {
        float l0 = p[layout.Fc2Bias];
        float l1 = p[layout.Fc2Bias + 1];
        int w0 = layout.Fc2Weight;
        int w1 = layout.Fc2Weight + layout.Hidden;
        for (int j = 0; j < layout.Hidden; j++)
        {
            float h = MathF.Max(HiddenPreactivation(p, layout, j, s), 0.0f);
            l0 += p[w0 + j] * h;
            l1 += p[w1 + j] * h;
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
