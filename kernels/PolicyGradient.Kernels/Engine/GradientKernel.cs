using ILGPU;
using ILGPU.Runtime;

namespace PolicyGradient.Kernels;

/// <summary>
/// Each (chunk of environments, group of four hidden units) pair, strided over the threads, walks each
/// recorded episode backwards and sums w_t * grad log pi(a_t|s_t) for the units' parameters
/// (see <see cref="GradientWeights"/> for w_t, chosen per agent); the pair of group 0 also does
/// fc2.bias and the episode's share of the loss and its policy entropy. Everything a step needs
/// stays in registers: one observation and one sample load per step and group. Items are
/// numbered group-fastest: the threads of one env's groups read the same records at once (on a
/// GPU one transaction serves them, and the next env's records lie beside them, time-major), and
/// on the CPU a chunk's trajectories are still in cache when its next group reads them.
/// </summary>
internal static class GradientKernel
{
    /// <summary>Columns of a gradient row after the parameters: the loss sum_t w_t log pi, and sum_t entropy.</summary>
    public static int Width(int parameterCount) => parameterCount + 2;

    public static int LossColumn(int parameterCount) => parameterCount;

    public static int EntropyColumn(int parameterCount) => parameterCount + 1;

    /// <param name="gradients">[env][<see cref="Width"/>] (index (column, env)) each episode's share of the loss gradient, loss and entropy.</param>
    public static void Run<TObservation, TOthers>(
        Index1D index,
        ArrayView2D<HiddenUnitGroup<TObservation, TOthers>, Stride2D.DenseX> parameters,
        ArrayView<AgentEpisodes> agents,
        ArrayView2D<TObservation, Stride2D.DenseX> observations,
        ArrayView2D<ActionSample<TOthers>, Stride2D.DenseX> samples,
        ArrayView2D<double, Stride2D.DenseX> statistics,
        ArrayView2D<double, Stride2D.DenseX> gradients,
        EpisodeConfig config)
        where TObservation : unmanaged, IVector<TObservation>
        where TOthers : unmanaged, IVector<TOthers>
    {
        int groups = HiddenUnitGroups.CountFor(config.Hidden);
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

    private static void Sum<TObservation, TOthers>(
        int env,
        int agent,
        int g,
        AgentEpisodes episodes,
        ArrayView2D<HiddenUnitGroup<TObservation, TOthers>, Stride2D.DenseX> parameters,
        ArrayView2D<TObservation, Stride2D.DenseX> observations,
        ArrayView2D<ActionSample<TOthers>, Stride2D.DenseX> samples,
        ArrayView2D<double, Stride2D.DenseX> statistics,
        ArrayView2D<double, Stride2D.DenseX> gradients,
        EpisodeConfig config)
        where TObservation : unmanaged, IVector<TObservation>
        where TOthers : unmanaged, IVector<TOthers>
    {
        int steps = (int)statistics[EpisodeStatistics.Steps, env];
        HiddenUnitGroup<TObservation, TOthers> group = parameters[g, agent];
        GradientWeights weights = episodes.Weights;

        bool rewardToGo = weights.Objective == EpisodeObjective.RewardToGo;
        float tutorialWeight = ((float)statistics[EpisodeStatistics.ReturnSum, env] - weights.TutorialReturnOffset) / steps * weights.Multiplier;
        float returnToGo = 0.0f, loss = 0.0f, entropy = 0.0f;
        TOthers outputBias = default;
        UnitGradient<TObservation, TOthers> a = default, b = default, c = default, d = default;
        ArrayView<ActionSample<TOthers>> sampleTile = TrajectoryTiles.Tile(samples, env);
        ArrayView<TObservation> observationTile = TrajectoryTiles.Tile(observations, env);
        for (int t = steps - 1; t >= 0; t--)
        {
            int lane = TrajectoryTiles.Lane(env, t);
            ActionSample<TOthers> sample = sampleTile[lane];
            TObservation s = observationTile[lane];
            returnToGo = sample.Reward + episodes.Gamma * returnToGo;
            float w = rewardToGo ? (returnToGo - weights.Baseline) * weights.Multiplier : tutorialWeight;
            TOthers dLogits = CategoricalPolicy.LogitGradient(sample.Probabilities, sample.Action, w);
            a = a.Add(group.A, s, dLogits);
            b = b.Add(group.B, s, dLogits);
            c = c.Add(group.C, s, dLogits);
            d = d.Add(group.D, s, dLogits);
            outputBias = TOthers.Add(outputBias, dLogits);
            if (g == 0)
            {
                loss += w * CategoricalPolicy.LogProbability(sample.Probabilities, sample.Action);
                entropy += CategoricalPolicy.Entropy(sample.Probabilities);
            }
        }

        var layout = new PolicyLayout(TObservation.Length, config.Hidden, TOthers.Length + 1);
        int j = g * HiddenUnitGroups.Size;
        Write(gradients, env, layout, j, a);
        Write(gradients, env, layout, j + 1, b);
        Write(gradients, env, layout, j + 2, c);
        Write(gradients, env, layout, j + 3, d);
        if (g == 0)
        {
            WriteRelativeToFirst(gradients, env, layout.Fc2Bias, 1, outputBias);
            gradients[GradientKernel.LossColumn(layout.Count), env] = loss;
            gradients[GradientKernel.EntropyColumn(layout.Count), env] = entropy;
        }
    }

    private static void Write<TObservation, TOthers>(ArrayView2D<double, Stride2D.DenseX> gradients, int env, PolicyLayout layout, int j, UnitGradient<TObservation, TOthers> u)
        where TObservation : unmanaged, IVector<TObservation>
        where TOthers : unmanaged, IVector<TOthers>
    {
        if (j >= layout.Hidden)
            return;
        WriteFc1(gradients, env, layout, j, u);
        WriteRelativeToFirst(gradients, env, layout.Fc2Weight + j, layout.Hidden, u.Out);
    }

    /// <summary>Writes hidden unit <paramref name="j"/>'s fc1.weight row and fc1.bias, which every head shares.</summary>
    public static void WriteFc1<TObservation, TOut>(ArrayView2D<double, Stride2D.DenseX> gradients, int env, PolicyLayout layout, int j, UnitGradient<TObservation, TOut> u)
        where TObservation : unmanaged, IVector<TObservation>
        where TOut : unmanaged, IVector<TOut>
    {
        int w1 = layout.Fc1Weight + layout.Inputs * j;
        for (int i = 0; i < layout.Inputs; i++)
            gradients[w1 + i, env] = TObservation.Get(u.Weights, i);
        gradients[layout.Fc1Bias + j, env] = u.Bias;
    }

    /// <summary>Writes the N columns first, first + stride, ...: the N-1 others as they are, and the first as minus their sum.</summary>
    private static void WriteRelativeToFirst<TOthers>(ArrayView2D<double, Stride2D.DenseX> gradients, int env, int first, int stride, TOthers others)
        where TOthers : unmanaged, IVector<TOthers>
    {
        gradients[first, env] = -TOthers.Sum(0.0f, others);
        for (int k = 0; k < TOthers.Length; k++)
            gradients[first + (k + 1) * stride, env] = TOthers.Get(others, k);
    }
}
