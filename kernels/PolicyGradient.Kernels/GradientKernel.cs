using ILGPU;

namespace PolicyGradient.Kernels;

/// <summary>
/// Each (environment, hidden unit j) pair, strided over the threads, walks the recorded
/// episode backwards and sums w_t * grad log pi(a_t|s_t) for the seven parameters of unit j
/// (see <see cref="GradientWeights"/> for w_t); the pair of unit 0 also does fc2.bias.
/// Everything a step needs stays in registers: one record load per step.
/// </summary>
public static class GradientKernel
{
    /// <param name="gradients">[envs][parameters] each episode's share of the loss gradient.</param>
    public static void Run(
        Index1D index,
        ArrayView<HiddenUnit> units,
        ArrayView<StepRecord> trajectories,
        ArrayView<float> statistics,
        ArrayView<float> gradients,
        EpisodeConfig config,
        GradientWeights weights)
    {
        int items = config.Envs * config.Hidden;
        for (int item = index; item < items; item += config.Threads)
            Sum(item, units, trajectories, statistics, gradients, config, weights);
    }

    private static void Sum(
        int item,
        ArrayView<HiddenUnit> units,
        ArrayView<StepRecord> trajectories,
        ArrayView<float> statistics,
        ArrayView<float> gradients,
        EpisodeConfig config,
        GradientWeights weights)
    {
        int hidden = config.Hidden;
        int env = item / hidden;
        int j = item - env * hidden;
        PolicyLayout layout = config.Layout;
        int steps = (int)statistics[(long)env * EpisodeStatistics.Width + EpisodeStatistics.Steps];
        long first = (long)env * config.MaxSteps;
        HiddenUnit unit = units[j];
        float outGap = unit.Out1 - unit.Out0;

        bool rewardToGo = weights.Objective == EpisodeObjective.RewardToGo;
        float seedWeight = (steps - weights.SeedReturnOffset) / steps * weights.Multiplier;
        float returnToGo = 0.0f;
        // fc1.weight[j][0..3], fc1.bias[j], fc2.weight[1][j] (= -fc2.weight[0][j]'s), fc2.bias[1].
        float sx = 0, sxd = 0, sth = 0, sthd = 0, sb = 0, so = 0, sc = 0;
        for (int t = steps - 1; t >= 0; t--)
        {
            StepRecord step = trajectories[first + t];
            returnToGo = 1.0f + config.Gamma * returnToGo;
            float w = rewardToGo ? (returnToGo - weights.Baseline) * weights.Multiplier : seedWeight;
            // d log pi(a|s) / d logit1 = a - pi1 = -(d / d logit0); times the step's weight.
            float d1 = (step.Action - step.ProbabilityOfAction1) * w;
            CartPoleState s = step.Observation;
            float pre = unit.Preactivation(s);
            float dh = pre > 0.0f ? outGap * d1 : 0.0f;
            sx += dh * s.X;
            sxd += dh * s.XDot;
            sth += dh * s.Theta;
            sthd += dh * s.ThetaDot;
            sb += dh;
            so += d1 * MathF.Max(pre, 0.0f);
            sc += d1;
        }

        long row = (long)env * layout.Count;
        int w1 = layout.Fc1Weight + PolicyLayout.Inputs * j;
        gradients[row + w1] = sx;
        gradients[row + w1 + 1] = sxd;
        gradients[row + w1 + 2] = sth;
        gradients[row + w1 + 3] = sthd;
        gradients[row + layout.Fc1Bias + j] = sb;
        gradients[row + layout.Fc2Weight + j] = -so;
        gradients[row + layout.Fc2Weight + hidden + j] = so;
        if (j == 0)
        {
            gradients[row + layout.Fc2Bias] = -sc;
            gradients[row + layout.Fc2Bias + 1] = sc;
        }
    }
}
