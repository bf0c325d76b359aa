using ILGPU;

namespace PolicyGradient.Kernels;

/// <summary>
/// Each (environment, hidden unit j) pair, strided over the threads, walks the recorded episode backwards and sums,
/// for the seven parameters of unit j, sum_t w_t g_t and sum_t g_t (g_t = grad log pi(a_t|s_t),
/// w_t = reward-to-go G_t, or the tutorial's (R - offset) / T). The thread of unit 0 also
/// does fc2.bias. Everything a step needs stays in registers: one record load per step.
/// </summary>
public static class GradientKernel
{
    public static void Run(
        Index1D index,
        ArrayView<HiddenUnit> units,
        ArrayView<StepRecord> trajectories,
        ArrayView<float> sums,
        EpisodeConfig config)
    {
        int items = config.Envs * config.Hidden;
        for (int item = index; item < items; item += config.Threads)
            Sum(item, units, trajectories, sums, config);
    }

    private static void Sum(
        int item,
        ArrayView<HiddenUnit> units,
        ArrayView<StepRecord> trajectories,
        ArrayView<float> sums,
        EpisodeConfig config)
    {
        int hidden = config.Hidden;
        int env = item / hidden;
        int j = item - env * hidden;
        PolicyLayout layout = config.Layout;
        var shape = new EpisodeSums(layout.Count);
        long row = (long)env * shape.Width;
        int steps = (int)sums[row + shape.Statistics + EpisodeSums.Steps];
        long first = (long)env * config.MaxSteps;
        HiddenUnit unit = units[j];
        float outGap = unit.Out1 - unit.Out0;

        bool rewardToGo = config.Objective == EpisodeObjective.RewardToGo;
        float seedWeight = (steps - config.SeedReturnOffset) / steps;
        float returnToGo = 0.0f;
        // Weighted (w) and plain sums for fc1.weight[j][0..3], fc1.bias[j], fc2.weight[.][j], fc2.bias.
        float wx = 0, wxd = 0, wth = 0, wthd = 0, wb = 0, wo = 0, wc = 0;
        float gx = 0, gxd = 0, gth = 0, gthd = 0, gb = 0, go = 0, gc = 0;
        for (int t = steps - 1; t >= 0; t--)
        {
            StepRecord step = trajectories[first + t];
            returnToGo = 1.0f + config.Gamma * returnToGo;
            float w = rewardToGo ? returnToGo : seedWeight;
            // d log pi(a|s) / d logit1 = a - pi1 = -(d / d logit0).
            float d1 = step.Action - step.ProbabilityOfAction1;
            CartPoleState s = step.Observation;
            float pre = unit.Preactivation(s);
            float h = MathF.Max(pre, 0.0f);
            float dh = pre > 0.0f ? outGap * d1 : 0.0f;

            float g = dh * s.X; gx += g; wx += w * g;
            g = dh * s.XDot; gxd += g; wxd += w * g;
            g = dh * s.Theta; gth += g; wth += w * g;
            g = dh * s.ThetaDot; gthd += g; wthd += w * g;
            gb += dh; wb += w * dh;
            g = d1 * h; go += g; wo += w * g;
            gc += d1; wc += w * d1;
        }

        long weighted = row + shape.WeightedGradient;
        long plain = row + shape.Gradient;
        int w1 = layout.Fc1Weight + PolicyLayout.Inputs * j;
        sums[weighted + w1] = wx;
        sums[weighted + w1 + 1] = wxd;
        sums[weighted + w1 + 2] = wth;
        sums[weighted + w1 + 3] = wthd;
        sums[weighted + layout.Fc1Bias + j] = wb;
        sums[weighted + layout.Fc2Weight + j] = -wo;
        sums[weighted + layout.Fc2Weight + hidden + j] = wo;
        sums[plain + w1] = gx;
        sums[plain + w1 + 1] = gxd;
        sums[plain + w1 + 2] = gth;
        sums[plain + w1 + 3] = gthd;
        sums[plain + layout.Fc1Bias + j] = gb;
        sums[plain + layout.Fc2Weight + j] = -go;
        sums[plain + layout.Fc2Weight + hidden + j] = go;
        if (j == 0)
        {
            sums[weighted + layout.Fc2Bias] = -wc;
            sums[weighted + layout.Fc2Bias + 1] = wc;
            sums[plain + layout.Fc2Bias] = -gc;
            sums[plain + layout.Fc2Bias + 1] = gc;
        }
    }
}
