using ILGPU;
using ILGPU.Runtime;

namespace PolicyGradient.Kernels;

/// <summary>
/// Each (chunk of environments, group of four hidden units) pair, strided over the threads, walks each
/// recorded episode backwards and sums w_t * grad log pi(a_t|s_t) for the units' parameters
/// (see <see cref="GradientWeights"/> for w_t, chosen per agent); the pair of group 0 also does
/// fc2.bias and the episode's share of the loss and its policy entropy. Everything a step needs
/// stays in registers: one observation and one sample load per step and group. Pairs are
/// numbered group-fastest: the threads of one env's groups read the same records at once (on a
/// GPU one transaction serves them, and the next env's records lie beside them, time-major), and
/// on the CPU a chunk's trajectories are still in cache when its next group reads them.
/// </summary>
public static class GradientKernel
{
    /// <summary>Columns of a gradient row after the parameters: the loss sum_t w_t log pi, and sum_t entropy.</summary>
    public static int Width(int parameterCount) => parameterCount + 2;

    public static int LossColumn(int parameterCount) => parameterCount;

    public static int EntropyColumn(int parameterCount) => parameterCount + 1;

    /// <param name="gradients">[env][<see cref="Width"/>] (index (column, env)) each episode's share of the loss gradient, loss and entropy.</param>
    public static void Run(
        Index1D index,
        ArrayView2D<HiddenUnitGroup, Stride2D.DenseX> parameters,
        ArrayView<AgentEpisodes> agents,
        ArrayView2D<CartPoleState, Stride2D.DenseX> observations,
        ArrayView2D<ActionSample, Stride2D.DenseX> samples,
        ArrayView2D<double, Stride2D.DenseX> statistics,
        ArrayView2D<double, Stride2D.DenseX> gradients,
        EpisodeConfig config)
    {
        int groups = HiddenUnitGroup.CountFor(config.Hidden);
        int items = config.Chunks * groups;
        for (int item = index; item < items; item += config.Threads)
        {
            int chunk = item / groups;
            int g = item - chunk * groups;
            int end = config.ChunkEnd(chunk);
            for (int env = chunk * config.EnvsPerChunk; env < end; env++)
            {
                int agent = env / config.EnvsPerAgent;
                AgentEpisodes episodes = agents[agent];
                if (episodes.Active != 0)
                    Sum(env, agent, g, episodes, parameters, observations, samples, statistics, gradients, config);
            }
        }
    }

    private static void Sum(
        int env,
        int agent,
        int g,
        AgentEpisodes episodes,
        ArrayView2D<HiddenUnitGroup, Stride2D.DenseX> parameters,
        ArrayView2D<CartPoleState, Stride2D.DenseX> observations,
        ArrayView2D<ActionSample, Stride2D.DenseX> samples,
        ArrayView2D<double, Stride2D.DenseX> statistics,
        ArrayView2D<double, Stride2D.DenseX> gradients,
        EpisodeConfig config)
    {
        int steps = (int)statistics[EpisodeStatistics.Steps, env];
        HiddenUnitGroup group = parameters[g, agent];
        GradientWeights weights = episodes.Weights;

        bool rewardToGo = weights.Objective == EpisodeObjective.RewardToGo;
        float tutorialWeight = (steps - weights.TutorialReturnOffset) / steps * weights.Multiplier;
        float returnToGo = 0.0f;
        float outputBias = 0.0f, loss = 0.0f, entropy = 0.0f;
        UnitGradient a = default, b = default, c = default, d = default;
        ArrayView<ActionSample> sampleTile = TrajectoryTiles.Tile(samples, env);
        ArrayView<CartPoleState> observationTile = TrajectoryTiles.Tile(observations, env);
        for (int t = steps - 1; t >= 0; t--)
        {
            int lane = TrajectoryTiles.Lane(env, t);
            ActionSample sample = sampleTile[lane];
            CartPoleState s = observationTile[lane];
            returnToGo = 1.0f + episodes.Gamma * returnToGo;
            float w = rewardToGo ? (returnToGo - weights.Baseline) * weights.Multiplier : tutorialWeight;
            // d log pi(a|s) / d logit1 = a - pi1 = -(d / d logit0); times the step's weight.
            float d1 = (sample.Action - sample.ProbabilityOfAction1) * w;
            a = a.Add(group.A, s, d1);
            b = b.Add(group.B, s, d1);
            c = c.Add(group.C, s, d1);
            d = d.Add(group.D, s, d1);
            outputBias += d1;
            if (g == 0)
            {
                float p1 = sample.ProbabilityOfAction1;
                float logP1 = MathF.Log(p1);
                float logP0 = MathF.Log(1.0f - p1);
                loss += w * (sample.Action != 0 ? logP1 : logP0);
                // 0 * log 0 = 0: a saturated policy has no entropy.
                entropy -= (p1 > 0.0f ? p1 * logP1 : 0.0f) + (p1 < 1.0f ? (1.0f - p1) * logP0 : 0.0f);
            }
        }

        PolicyLayout layout = config.Layout;
        int j = g * HiddenUnitGroup.Size;
        Write(gradients, env, layout, j, a);
        Write(gradients, env, layout, j + 1, b);
        Write(gradients, env, layout, j + 2, c);
        Write(gradients, env, layout, j + 3, d);
        if (g == 0)
        {
            gradients[layout.Fc2Bias, env] = -outputBias;
            gradients[layout.Fc2Bias + 1, env] = outputBias;
            gradients[LossColumn(layout.Count), env] = loss;
            gradients[EntropyColumn(layout.Count), env] = entropy;
        }
    }

    private static void Write(ArrayView2D<double, Stride2D.DenseX> gradients, int env, PolicyLayout layout, int j, UnitGradient u)
    {
        if (j >= layout.Hidden)
            return;
        int w1 = layout.Fc1Weight + PolicyLayout.Inputs * j;
        gradients[w1, env] = u.X;
        gradients[w1 + 1, env] = u.XDot;
        gradients[w1 + 2, env] = u.Theta;
        gradients[w1 + 3, env] = u.ThetaDot;
        gradients[layout.Fc1Bias + j, env] = u.Bias;
        gradients[layout.Fc2Weight + j, env] = -u.Out1;
        gradients[layout.Fc2Weight + layout.Hidden + j, env] = u.Out1;
    }
}
