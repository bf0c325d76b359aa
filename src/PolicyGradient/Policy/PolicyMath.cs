using PolicyGradient.Kernels;

namespace PolicyGradient.Policy;

/// <summary>One episode as the policy-gradient maths needs it: observations, actions and rewards.</summary>
internal sealed record Episode(float[][] States, int[] Actions, double[] Rewards)
{
    public int Length => Actions.Length;
}

/// <summary>
/// The double-precision reference of the policy maths (forward, log-softmax, grad log pi,
/// returns-to-go, the REINFORCE and tutorial-loss gradients), checked against PyTorch autograd.
/// </summary>
internal static class PolicyMath
{
    public static void Logits(ReadOnlySpan<double> p, PolicyLayout layout, ReadOnlySpan<float> s, Span<double> logits)
    {
        for (int k = 0; k < layout.Actions; k++)
            logits[k] = p[layout.Fc2Bias + k];
        for (int j = 0; j < layout.Hidden; j++)
        {
            double h = Math.Max(HiddenPreactivation(p, layout, j, s), 0.0);
            for (int k = 0; k < layout.Actions; k++)
                logits[k] += p[layout.Fc2Weight + k * layout.Hidden + j] * h;
        }
    }

    /// <summary>log softmax, shifted by the max logit so exp never overflows.</summary>
    public static void LogSoftmax(ReadOnlySpan<double> logits, Span<double> logProbs)
    {
        double max = double.NegativeInfinity;
        foreach (double l in logits)
            max = Math.Max(max, l);
        double sum = 0.0;
        foreach (double l in logits)
            sum += Math.Exp(l - max);
        double logSum = max + Math.Log(sum);
        for (int k = 0; k < logits.Length; k++)
            logProbs[k] = logits[k] - logSum;
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
        Span<double> logits = stackalloc double[layout.Actions];
        Logits(p, layout, s, logits);
        LogSoftmax(logits, logits);
        // d log softmax(l)[a] / d l_k = [k == a] - pi_k
        Span<double> d = stackalloc double[layout.Actions];
        for (int k = 0; k < layout.Actions; k++)
            d[k] = ((action == k ? 1.0 : 0.0) - Math.Exp(logits[k])) * scale;
        for (int j = 0; j < layout.Hidden; j++)
        {
            double pre = HiddenPreactivation(p, layout, j, s);
            double h = Math.Max(pre, 0.0);
            double dh = 0.0;
            for (int k = 0; k < layout.Actions; k++)
            {
                int w2 = layout.Fc2Weight + k * layout.Hidden + j;
                grad[w2] += d[k] * h;
                dh += p[w2] * d[k];
            }
            if (pre <= 0.0)
                continue;
            int w = layout.Fc1Weight + layout.Inputs * j;
            for (int i = 0; i < layout.Inputs; i++)
                grad[w + i] += dh * s[i];
            grad[layout.Fc1Bias + j] += dh;
        }
        for (int k = 0; k < layout.Actions; k++)
            grad[layout.Fc2Bias + k] += d[k];
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
        int w = layout.Fc1Weight + layout.Inputs * j;
        double pre = 0.0;
        for (int i = 0; i < layout.Inputs; i++)
            pre += p[w + i] * s[i];
        return pre + p[layout.Fc1Bias + j];
    }
}
