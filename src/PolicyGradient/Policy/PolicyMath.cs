using PolicyGradient.Kernels;

namespace PolicyGradient.Policy;

/// <summary>
/// One episode as the policy-gradient maths needs it: observations, actions and rewards. A
/// categorical policy's actions are <see cref="Actions"/>; a Gaussian one's are the unclipped
/// draws in <see cref="BoxActions"/> (and <see cref="Actions"/> is empty).
/// </summary>
internal sealed record Episode(float[][] States, int[] Actions, double[] Rewards)
{
    public float[][]? BoxActions { get; private init; }

    public int Length => Rewards.Length;

    public static Episode Continuous(float[][] states, float[][] actions, double[] rewards) => new(states, [], rewards) { BoxActions = actions };
}

/// <summary>
/// The double-precision reference of the policy maths (forward, log-softmax, Gaussian log pi, grad log pi,
/// returns-to-go, the REINFORCE and tutorial-loss gradients), checked against PyTorch autograd.
/// </summary>
internal static class PolicyMath
{
    /// <summary>The network's outputs fc2(relu(fc1(s))): logits, or a Gaussian head's means.</summary>
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

    /// <summary>grad += scale * d log pi(action|s) / d parameters for a categorical policy; returns log pi(action|s).</summary>
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
        Backpropagate(p, layout, s, d, grad);
        return logits[action];
    }

    /// <summary>
    /// grad += scale * d log pi(action|s) / d parameters for a Gaussian policy, log_std included;
    /// returns log pi(action|s) = sum_k -z_k^2/2 - log_std_k - log(2 pi)/2, z = (a - mean) / std,
    /// of the unclipped <paramref name="action"/>.
    /// </summary>
    public static double AccumulateGaussianLogProbabilityGradient(
        ReadOnlySpan<double> p, PolicyLayout layout, ReadOnlySpan<float> s, ReadOnlySpan<float> action, double scale, Span<double> grad)
    {
        Span<double> means = stackalloc double[layout.Actions];
        Logits(p, layout, s, means);
        Span<double> d = stackalloc double[layout.Actions];
        double logProbability = 0.0;
        for (int k = 0; k < layout.Actions; k++)
        {
            double logStd = p[layout.LogStd + k], std = Math.Exp(logStd);
            double z = (action[k] - means[k]) / std;
            logProbability += -0.5 * z * z - logStd - HalfLogTwoPi;
            d[k] = z / std * scale;
            grad[layout.LogStd + k] += (z * z - 1.0) * scale;
        }
        Backpropagate(p, layout, s, d, grad);
        return logProbability;
    }

    /// <summary>The entropy of a diagonal Gaussian: sum_k 1/2 + log(2 pi)/2 + log_std_k, the same for every state.</summary>
    public static double GaussianEntropy(ReadOnlySpan<double> p, PolicyLayout layout)
    {
        double h = 0.0;
        for (int k = 0; k < layout.Actions; k++)
            h += 0.5 + HalfLogTwoPi + p[layout.LogStd + k];
        return h;
    }

    private const double HalfLogTwoPi = 0.91893853320467274178;

    /// <summary>grad += d (sum_k d_k output_k) / d network parameters: fc2's and, through the ReLU, fc1's.</summary>
    private static void Backpropagate(ReadOnlySpan<double> p, PolicyLayout layout, ReadOnlySpan<float> s, ReadOnlySpan<double> d, Span<double> grad)
    {
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
    }

    /// <summary>grad += scale * d log pi(a_t|s_t) / d parameters for step t of <paramref name="episode"/>, whichever the head; returns log pi(a_t|s_t).</summary>
    public static double AccumulateStep(ReadOnlySpan<double> p, PolicyLayout layout, Episode episode, int t, double scale, Span<double> grad) =>
        layout.Head == PolicyHead.Gaussian
            ? AccumulateGaussianLogProbabilityGradient(p, layout, episode.States[t], episode.BoxActions![t], scale, grad)
            : AccumulateLogProbabilityGradient(p, layout, episode.States[t], episode.Actions[t], scale, grad);

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
                loss += scale * AccumulateStep(p, layout, episode, t, scale, grad);
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
            loss += scale * AccumulateStep(p, layout, episode, t, scale, grad);
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
