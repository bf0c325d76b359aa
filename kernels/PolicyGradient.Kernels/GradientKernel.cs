using ILGPU;

namespace PolicyGradient.Kernels;

/// <summary>
/// Each (environment, group of four hidden units) pair, strided over the threads, walks the
/// recorded episode backwards and sums w_t * grad log pi(a_t|s_t) for the units' parameters
/// (see <see cref="GradientWeights"/> for w_t); the pair of group 0 also does fc2.bias and
/// the episode's share of the loss and its policy entropy. Everything a step needs stays in
/// registers: one record load per step and group.
/// </summary>
public static class GradientKernel
{
    /// <summary>Columns of a gradient row after the parameters: the loss sum_t w_t log pi, and sum_t entropy.</summary>
    public static int Width(int parameterCount) => parameterCount + 2;

    public static int LossColumn(int parameterCount) => parameterCount;

    public static int EntropyColumn(int parameterCount) => parameterCount + 1;

    /// <param name="gradients">[envs][<see cref="Width"/>] each episode's share of the loss gradient, loss and entropy.</param>
    public static void Run(
        Index1D index,
        ArrayView<HiddenUnitGroup> groups,
        ArrayView<StepRecord> trajectories,
        ArrayView<float> statistics,
        ArrayView<float> gradients,
        EpisodeConfig config,
        GradientWeights weights)
    {
        int groupCount = HiddenUnitGroup.CountFor(config.Hidden);
        int items = config.Envs * groupCount;
        for (int item = index; item < items; item += config.Threads)
        {
            int env = item / groupCount;
            Sum(env, item - env * groupCount, groups, trajectories, statistics, gradients, config, weights);
        }
    }

    private static void Sum(
        int env,
        int g,
        ArrayView<HiddenUnitGroup> groups,
        ArrayView<StepRecord> trajectories,
        ArrayView<float> statistics,
        ArrayView<float> gradients,
        EpisodeConfig config,
        GradientWeights weights)
    {
        int steps = (int)statistics[(long)env * EpisodeStatistics.Width + EpisodeStatistics.Steps];
        long first = (long)env * config.MaxSteps;
        HiddenUnitGroup group = groups[g];

        bool rewardToGo = weights.Objective == EpisodeObjective.RewardToGo;
        float seedWeight = (steps - weights.SeedReturnOffset) / steps * weights.Multiplier;
        float returnToGo = 0.0f;
        float outputBias = 0.0f, loss = 0.0f, entropy = 0.0f;
        UnitGradient a = default, b = default, c = default, d = default;
        for (int t = steps - 1; t >= 0; t--)
        {
            StepRecord step = trajectories[first + t];
            returnToGo = 1.0f + config.Gamma * returnToGo;
            float w = rewardToGo ? (returnToGo - weights.Baseline) * weights.Multiplier : seedWeight;
            // d log pi(a|s) / d logit1 = a - pi1 = -(d / d logit0); times the step's weight.
            float d1 = (step.Action - step.ProbabilityOfAction1) * w;
            CartPoleState s = step.Observation;
            a = a.Add(group.A, s, d1);
            b = b.Add(group.B, s, d1);
            c = c.Add(group.C, s, d1);
            d = d.Add(group.D, s, d1);
            outputBias += d1;
            if (g == 0)
            {
                float p1 = step.ProbabilityOfAction1;
                float logP1 = MathF.Log(p1);
                float logP0 = MathF.Log(1.0f - p1);
                loss += w * (step.Action != 0 ? logP1 : logP0);
                // 0 * log 0 = 0: a saturated policy has no entropy.
                entropy -= (p1 > 0.0f ? p1 * logP1 : 0.0f) + (p1 < 1.0f ? (1.0f - p1) * logP0 : 0.0f);
            }
        }

        PolicyLayout layout = config.Layout;
        long row = (long)env * Width(layout.Count);
        int j = g * HiddenUnitGroup.Size;
        Write(gradients, row, layout, j, a);
        Write(gradients, row, layout, j + 1, b);
        Write(gradients, row, layout, j + 2, c);
        Write(gradients, row, layout, j + 3, d);
        if (g == 0)
        {
            gradients[row + layout.Fc2Bias] = -outputBias;
            gradients[row + layout.Fc2Bias + 1] = outputBias;
            gradients[row + LossColumn(layout.Count)] = loss;
            gradients[row + EntropyColumn(layout.Count)] = entropy;
        }
    }

    private static void Write(ArrayView<float> gradients, long row, PolicyLayout layout, int j, UnitGradient u)
    {
        if (j >= layout.Hidden)
            return;
        long w1 = row + layout.Fc1Weight + PolicyLayout.Inputs * j;
        gradients[w1] = u.X;
        gradients[w1 + 1] = u.XDot;
        gradients[w1 + 2] = u.Theta;
        gradients[w1 + 3] = u.ThetaDot;
        gradients[row + layout.Fc1Bias + j] = u.Bias;
        gradients[row + layout.Fc2Weight + j] = -u.Out1;
        gradients[row + layout.Fc2Weight + layout.Hidden + j] = u.Out1;
    }
}
