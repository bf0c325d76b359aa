using ILGPU;

namespace PolicyGradient.Kernels;

/// <summary>
/// One thread per environment runs one whole episode (reset, up to MaxSteps policy-sampled
/// steps) and accumulates its policy-gradient sums on the fly, so no trajectory is stored.
/// Reward-to-go weights use an eligibility trace e_t = gamma * e_{t-1} + g_t:
/// sum_t G_t g_t = sum_k r_k e_k, exact in one forward pass.
/// </summary>
public static class EpisodeKernel
{
    /// <param name="traces">Per-environment eligibility trace, [envs][parameters].</param>
    /// <param name="sums">Per-environment <see cref="EpisodeSums"/> rows, [envs][width].</param>
    /// <param name="trajectories">When recording: [envs][MaxSteps][5] = observation, action.</param>
    public static void Run(
        Index1D index,
        ArrayView<float> parameters,
        ArrayView<float> traces,
        ArrayView<float> sums,
        ArrayView<float> trajectories,
        EpisodeConfig config)
    {
        int env = index;
        PolicyLayout layout = config.Layout;
        int count = layout.Count;
        var shape = new EpisodeSums(count);
        var trace = traces.SubView((long)env * count, count);
        var row = sums.SubView((long)env * shape.Width, shape.Width);
        for (int k = 0; k < count; k++)
        {
            trace[k] = 0.0f;
            row[shape.WeightedGradient + k] = 0.0f;
            row[shape.Gradient + k] = 0.0f;
        }

        ulong key = config.StreamKey(env);
        CartPoleState s = CartPolePhysics.Reset(key);
        bool rewardToGo = config.Objective == EpisodeObjective.RewardToGo;
        float gamma = config.Gamma;
        int steps = 0;
        while (steps < config.MaxSteps)
        {
            float gap = PolicyNetwork.Logits(parameters, layout, s, out _, out _);
            float p1 = PolicyNetwork.ProbabilityOfAction1(gap);
            int action = config.Greedy != 0
                ? (gap > 0.0f ? 1 : 0)
                : (CounterRandom.UniformFloat(key, CartPolePhysics.ResetDraws + (ulong)steps) < p1 ? 1 : 0);
            if (config.Record != 0)
            {
                long at = ((long)env * config.MaxSteps + steps) * 5;
                trajectories[at] = s.X;
                trajectories[at + 1] = s.XDot;
                trajectories[at + 2] = s.Theta;
                trajectories[at + 3] = s.ThetaDot;
                trajectories[at + 4] = action;
            }

            // d log softmax(l)[a] / d l = onehot(a) - pi; with two actions, d/dl0 = -d/dl1.
            float d1 = action - p1;
            float reward = 1.0f;
            for (int j = 0; j < layout.Hidden; j++)
            {
                float pre = PolicyNetwork.HiddenPreactivation(parameters, layout, j, s);
                float h = MathF.Max(pre, 0.0f);
                int w2 = layout.Fc2Weight + j;
                Accumulate(trace, row, shape, w2, -d1 * h, gamma, reward, rewardToGo);
                Accumulate(trace, row, shape, w2 + layout.Hidden, d1 * h, gamma, reward, rewardToGo);
                float dh = pre > 0.0f ? (parameters[w2 + layout.Hidden] - parameters[w2]) * d1 : 0.0f;
                int w1 = layout.Fc1Weight + PolicyLayout.Inputs * j;
                Accumulate(trace, row, shape, w1, dh * s.X, gamma, reward, rewardToGo);
                Accumulate(trace, row, shape, w1 + 1, dh * s.XDot, gamma, reward, rewardToGo);
                Accumulate(trace, row, shape, w1 + 2, dh * s.Theta, gamma, reward, rewardToGo);
                Accumulate(trace, row, shape, w1 + 3, dh * s.ThetaDot, gamma, reward, rewardToGo);
                Accumulate(trace, row, shape, layout.Fc1Bias + j, dh, gamma, reward, rewardToGo);
            }
            Accumulate(trace, row, shape, layout.Fc2Bias, -d1, gamma, reward, rewardToGo);
            Accumulate(trace, row, shape, layout.Fc2Bias + 1, d1, gamma, reward, rewardToGo);

            s = CartPolePhysics.Step(s, action);
            steps++;
            if (CartPolePhysics.IsTerminal(s))
                break;
        }

        // CartPole pays 1 per step, the terminating one included, so the return is the length.
        float episodeReturn = steps;
        if (!rewardToGo)
        {
            float scale = (episodeReturn - config.SeedReturnOffset) / steps;
            for (int k = 0; k < count; k++)
                row[shape.WeightedGradient + k] = scale * row[shape.Gradient + k];
        }

        float returnToGo = 0.0f, sumG = 0.0f, sumG2 = 0.0f;
        for (int t = steps - 1; t >= 0; t--)
        {
            returnToGo = 1.0f + gamma * returnToGo;
            sumG += returnToGo;
            sumG2 += returnToGo * returnToGo;
        }
        int stats = shape.Statistics;
        row[stats + EpisodeSums.Steps] = steps;
        row[stats + EpisodeSums.ReturnSum] = episodeReturn;
        row[stats + EpisodeSums.ReturnMin] = episodeReturn;
        row[stats + EpisodeSums.ReturnMax] = episodeReturn;
        row[stats + EpisodeSums.ReturnsToGoSum] = sumG;
        row[stats + EpisodeSums.ReturnsToGoSquaredSum] = sumG2;
        row[stats + EpisodeSums.Episodes] = 1.0f;
    }

    private static void Accumulate(
        ArrayView<float> trace, ArrayView<float> row, EpisodeSums shape, int k,
        float g, float gamma, float reward, bool rewardToGo)
    {
        row[shape.Gradient + k] += g;
        if (rewardToGo)
        {
            float e = gamma * trace[k] + g;
            trace[k] = e;
            row[shape.WeightedGradient + k] += reward * e;
        }
    }
}
