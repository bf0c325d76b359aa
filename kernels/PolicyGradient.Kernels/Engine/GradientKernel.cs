using ILGPU;
using ILGPU.Runtime;

namespace PolicyGradient.Kernels;

/// <summary>
/// Each (chunk of environments, group of four hidden units) pair, strided over the threads, walks each
/// recorded episode backwards and sums w_t * grad log pi(a_t|s_t) for the units' parameters
/// (see <see cref="GradientWeights"/> for w_t, chosen per agent); the pair of group 0 also does
/// the head's own sums (the TPolicy head: fc2.bias, a Gaussian's log_std, the episode's
/// share of the loss and its policy entropy). Everything a step needs
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

    /// <param name="heads">[agent] the head's parameters besides the hidden units.</param>
    /// <param name="gradients">[env][<see cref="Width"/>] (index (column, env)) each episode's share of the loss gradient, loss and entropy.</param>
    public static void Run<TObservation, TOut, THead, TSample, TSums, TPolicy>(
        Index1D index,
        ArrayView2D<HiddenUnitGroup<TObservation, TOut>, Stride2D.DenseX> parameters,
        ArrayView<THead> heads,
        ArrayView<AgentEpisodes> agents,
        ArrayView2D<TObservation, Stride2D.DenseX> observations,
        ArrayView2D<TSample, Stride2D.DenseX> samples,
        ArrayView2D<double, Stride2D.DenseX> statistics,
        ArrayView2D<double, Stride2D.DenseX> gradients,
        EpisodeConfig config)
        where TObservation : unmanaged, IVector<TObservation>
        where TOut : unmanaged, IVector<TOut>
        where THead : unmanaged
        where TSample : unmanaged, IRecordedStep
        where TSums : unmanaged
        where TPolicy : struct, IGradientHead<TOut, THead, TSample, TSums>
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
                    Sum<TObservation, TOut, THead, TSample, TSums, TPolicy>(env, agent, g, episodes, parameters, heads[agent], observations, samples, statistics, gradients, config);
            }
        }
    }

    private static void Sum<TObservation, TOut, THead, TSample, TSums, TPolicy>(
        int env,
        int agent,
        int g,
        AgentEpisodes episodes,
        ArrayView2D<HiddenUnitGroup<TObservation, TOut>, Stride2D.DenseX> parameters,
        THead head,
        ArrayView2D<TObservation, Stride2D.DenseX> observations,
        ArrayView2D<TSample, Stride2D.DenseX> samples,
        ArrayView2D<double, Stride2D.DenseX> statistics,
        ArrayView2D<double, Stride2D.DenseX> gradients,
        EpisodeConfig config)
        where TObservation : unmanaged, IVector<TObservation>
        where TOut : unmanaged, IVector<TOut>
        where THead : unmanaged
        where TSample : unmanaged, IRecordedStep
        where TSums : unmanaged
        where TPolicy : struct, IGradientHead<TOut, THead, TSample, TSums>
    {
        int steps = (int)statistics[EpisodeStatistics.Steps, env];
        HiddenUnitGroup<TObservation, TOut> group = parameters[g, agent];
        GradientWeights weights = episodes.Weights;

        bool rewardToGo = weights.Objective == EpisodeObjective.RewardToGo;
        float tutorialWeight = ((float)statistics[EpisodeStatistics.ReturnSum, env] - weights.TutorialReturnOffset) / steps * weights.Multiplier;
        float returnToGo = 0.0f;
        TSums sums = default;
        UnitGradient<TObservation, TOut> a = default, b = default, c = default, d = default;
        ArrayView<TSample> sampleTile = TrajectoryTiles.Tile(samples, env);
        ArrayView<TObservation> observationTile = TrajectoryTiles.Tile(observations, env);
        for (int t = steps - 1; t >= 0; t--)
        {
            int lane = TrajectoryTiles.Lane(env, t);
            TSample sample = sampleTile[lane];
            TObservation s = observationTile[lane];
            returnToGo = sample.Reward + episodes.Gamma * returnToGo;
            float w = rewardToGo ? (returnToGo - weights.Baseline) * weights.Multiplier : tutorialWeight;
            TOut dOutputs = TPolicy.OutputGradient(sample, head, w);
            a = a.Add(group.A, s, dOutputs);
            b = b.Add(group.B, s, dOutputs);
            c = c.Add(group.C, s, dOutputs);
            d = d.Add(group.D, s, dOutputs);
            if (g == 0)
                sums = TPolicy.Add(sums, sample, head, dOutputs, w);
        }

        var layout = new PolicyLayout(TObservation.Length, config.Hidden, TPolicy.Actions, TPolicy.Head);
        int j = g * HiddenUnitGroups.Size;
        Write<TObservation, TOut, THead, TSample, TSums, TPolicy>(gradients, env, layout, j, a);
        Write<TObservation, TOut, THead, TSample, TSums, TPolicy>(gradients, env, layout, j + 1, b);
        Write<TObservation, TOut, THead, TSample, TSums, TPolicy>(gradients, env, layout, j + 2, c);
        Write<TObservation, TOut, THead, TSample, TSums, TPolicy>(gradients, env, layout, j + 3, d);
        if (g == 0)
            TPolicy.WriteSums(gradients, env, layout, sums, head, steps);
    }

    /// <summary>Hidden unit <paramref name="j"/>'s fc1.weight row, fc1.bias and fc2 column (a padding unit past the last writes nothing).</summary>
    private static void Write<TObservation, TOut, THead, TSample, TSums, TPolicy>(ArrayView2D<double, Stride2D.DenseX> gradients, int env, PolicyLayout layout, int j, UnitGradient<TObservation, TOut> u)
        where TObservation : unmanaged, IVector<TObservation>
        where TOut : unmanaged, IVector<TOut>
        where THead : unmanaged
        where TSample : unmanaged, IRecordedStep
        where TSums : unmanaged
        where TPolicy : struct, IGradientHead<TOut, THead, TSample, TSums>
    {
        if (j >= layout.Hidden)
            return;
        int w1 = layout.Fc1Weight + layout.Inputs * j;
        for (int i = 0; i < layout.Inputs; i++)
            gradients[w1 + i, env] = TObservation.Get(u.Weights, i);
        gradients[layout.Fc1Bias + j, env] = u.Bias;
        TPolicy.WriteUnitOutputs(gradients, env, layout.Fc2Weight + j, layout.Hidden, u.Out);
    }
}
