using PolicyGradient.Kernels;

namespace PolicyGradient.Policy;

/// <summary>One episode as the policy-gradient maths needs it: observations and actions.</summary>
public sealed record Episode(float[][] States, int[] Actions)
{
    public int Length => Actions.Length;
}

/// <summary>
/// The double-precision reference of the policy maths (forward, log-softmax, grad log pi,
/// returns-to-go, the REINFORCE and tutorial-loss gradients), checked against PyTorch autograd.
/// </summary>
public static class PolicyMath
{
    public static void Logits(ReadOnlySpan<double> p, PolicyLayout layout, ReadOnlySpan<float> s, Span<double> logits)
    {
        double l0 = p[layout.Fc2Bias], l1 = p[layout.Fc2Bias + 1];
        for (int j = 0; j < layout.Hidden; j++)
        {
            double h = Math.Max(HiddenPreactivation(p, layout, j, s), 0.0);
            l0 += p[layout.Fc2Weight + j] * h;
            l1 += p[layout.Fc2Weight + layout.Hidden + j] * h;
        }
        logits[0] = l0;
        logits[1] = l1;
    }

    /// <summary>log softmax, shifted by the max logit so exp never overflows.</summary>
    public static void LogSoftmax(ReadOnlySpan<double> logits, Span<double> logProbs)
    {
        double max = Math.Max(logits[0], logits[1]);
        double logSum = max + Math.Log(Math.Exp(logits[0] - max) + Math.Exp(logits[1] - max));
        logProbs[0] = logits[0] - logSum;
        logProbs[1] = logits[1] - logSum;
    }

    /// <summary>The entropy -sum_a pi(a) log pi(a) of a softmax given its log-probabilities.</summary>
    public static double Entropy(ReadOnlySpan<double> logProbs)
    {
        double h = 0.0;
        foreach (double lp in logProbs)
            h -= Math.Exp(lp) * lp;
        return h;
    }

    /// <summary>grad += scale * d log pi(action|s) / d parameters; returns log pi(action|s).</summary>
    public static double AccumulateLogProbabilityGradient(
        ReadOnlySpan<double> p, PolicyLayout layout, ReadOnlySpan<float> s, int action, double scale, Span<double> grad)
    {
        Span<double> logits = stackalloc double[2];
        Logits(p, layout, s, logits);
        LogSoftmax(logits, logits);
        // d log softmax(l)[a] / d l_k = [k == a] - pi_k
        double d0 = (action == 0 ? 1.0 : 0.0) - Math.Exp(logits[0]);
        double d1 = (action == 1 ? 1.0 : 0.0) - Math.Exp(logits[1]);
        d0 *= scale;
        d1 *= scale;
        for (int j = 0; j < layout.Hidden; j++)
        {
            double pre = HiddenPreactivation(p, layout, j, s);
            double h = Math.Max(pre, 0.0);
            int w0 = layout.Fc2Weight + j, w1 = w0 + layout.Hidden;
            grad[w0] += d0 * h;
            grad[w1] += d1 * h;
            if (pre <= 0.0)
                continue;
            double dh = p[w0] * d0 + p[w1] * d1;
            int w = layout.Fc1Weight + PolicyLayout.Inputs * j;
            for (int i = 0; i < PolicyLayout.Inputs; i++)
                grad[w + i] += dh * s[i];
            grad[layout.Fc1Bias + j] += dh;
        }
        grad[layout.Fc2Bias] += d0;
        grad[layout.Fc2Bias + 1] += d1;
        return logits[action];
    }

    /// <summary>G_t = sum_{k >= t} gamma^(k - t) r_k.</summary>
    public static double[] ReturnsToGo(ReadOnlySpan<double> rewards, double gamma)
    {
        var result = new double[rewards.Length];
        double g = 0.0;
        for (int t = rewards.Length - 1; t >= 0; t--)
        {
            g = rewards[t] + gamma * g;
            result[t] = g;
        }
        return result;
    }

    /// <summary>
    /// The REINFORCE loss -(1 / total steps) * sum_e sum_t w[e][t] * log pi(a|s) and its gradient.
    /// </summary>
    public static double ReinforceGradient(
        ReadOnlySpan<double> p, PolicyLayout layout, IReadOnlyList<Episode> episodes, IReadOnlyList<double[]> weights, Span<double> grad)
    {
        grad.Clear();
        int total = 0;
        foreach (var e in episodes)
            total += e.Length;
        double loss = 0.0;
        for (int e = 0; e < episodes.Count; e++)
        {
            var episode = episodes[e];
            for (int t = 0; t < episode.Length; t++)
            {
                double scale = -weights[e][t] / total;
                loss += scale * AccumulateLogProbabilityGradient(p, layout, episode.States[t], episode.Actions[t], scale, grad);
            }
        }
        return loss;
    }

    /// <summary>The tutorial's loss -mean_t(log pi(a_t|s_t)) * (sum(rewards) - offset) and its gradient.</summary>
    public static double TutorialLossGradient(
        ReadOnlySpan<double> p, PolicyLayout layout, Episode episode, double episodeReturn, double offset, Span<double> grad)
    {
        grad.Clear();
        double scale = -(episodeReturn - offset) / episode.Length;
        double loss = 0.0;
        for (int t = 0; t < episode.Length; t++)
            loss += scale * AccumulateLogProbabilityGradient(p, layout, episode.States[t], episode.Actions[t], scale, grad);
        return loss;
    }

    /// <summary>The tutorial's reward offset: its objective weights log pi by (return - 15).</summary>
    public const double TutorialReturnOffset = 15.0;

    private static double HiddenPreactivation(ReadOnlySpan<double> p, PolicyLayout layout, int j, ReadOnlySpan<float> s)
    {
        int w = layout.Fc1Weight + PolicyLayout.Inputs * j;
        return p[w] * s[0] + p[w + 1] * s[1] + p[w + 2] * s[2] + p[w + 3] * s[3] + p[layout.Fc1Bias + j];
    }
}
