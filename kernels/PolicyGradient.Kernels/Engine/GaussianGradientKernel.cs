using ILGPU;
using ILGPU.Runtime;

namespace PolicyGradient.Kernels;

/// <summary>
/// <see cref="GradientKernel"/> for a Gaussian policy: each (chunk of environments, group of four
/// hidden units) pair walks each recorded episode backwards and sums w_t * grad log pi(a_t|s_t)
/// for the units' parameters, with d log pi / d mean from the recorded unclipped draw and mean;
/// the pair of group 0 also does fc2.bias, log_std, the episode's share of the loss and its entropy.
/// The row's layout is the Gaussian <see cref="PolicyLayout"/>, loss and entropy after it.
/// </summary>
internal static class GaussianGradientKernel
{
    /// <param name="heads">[agent] fc2.bias and log_std.</param>
    /// <param name="gradients">[env][<see cref="GradientKernel.Width"/>] (index (column, env)) each episode's share of the loss gradient, loss and entropy.</param>
    public static void Run<TObservation, TAction>(
        Index1D index,
        ArrayView2D<HiddenUnitGroup<TObservation, TAction>, Stride2D.DenseX> parameters,
        ArrayView<GaussianHead<TAction>> heads,
        ArrayView<AgentEpisodes> agents,
        ArrayView2D<TObservation, Stride2D.DenseX> observations,
        ArrayView2D<GaussianSample<TAction>, Stride2D.DenseX> samples,
        ArrayView2D<double, Stride2D.DenseX> statistics,
        ArrayView2D<double, Stride2D.DenseX> gradients,
        EpisodeConfig config)
        where TObservation : unmanaged, IVector<TObservation>
        where TAction : unmanaged, IVector<TAction>
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
                    Sum(env, agent, g, episodes, parameters, heads[agent], observations, samples, statistics, gradients, config);
            }
        }
    }

    private static void Sum<TObservation, TAction>(
        int env,
        int agent,
        int g,
        AgentEpisodes episodes,
        ArrayView2D<HiddenUnitGroup<TObservation, TAction>, Stride2D.DenseX> parameters,
        GaussianHead<TAction> head,
        ArrayView2D<TObservation, Stride2D.DenseX> observations,
        ArrayView2D<GaussianSample<TAction>, Stride2D.DenseX> samples,
        ArrayView2D<double, Stride2D.DenseX> statistics,
        ArrayView2D<double, Stride2D.DenseX> gradients,
        EpisodeConfig config)
        where TObservation : unmanaged, IVector<TObservation>
        where TAction : unmanaged, IVector<TAction>
    {
        int steps = (int)statistics[EpisodeStatistics.Steps, env];
        HiddenUnitGroup<TObservation, TAction> group = parameters[g, agent];
        GradientWeights weights = episodes.Weights;
        TAction std = GaussianPolicy.Std(head.LogStd);

        bool rewardToGo = weights.Objective == EpisodeObjective.RewardToGo;
        float tutorialWeight = ((float)statistics[EpisodeStatistics.ReturnSum, env] - weights.TutorialReturnOffset) / steps * weights.Multiplier;
        float returnToGo = 0.0f, loss = 0.0f;
        TAction outputBias = default, logStd = default;
        UnitGradient<TObservation, TAction> a = default, b = default, c = default, d = default;
        ArrayView<GaussianSample<TAction>> sampleTile = TrajectoryTiles.Tile(samples, env);
        ArrayView<TObservation> observationTile = TrajectoryTiles.Tile(observations, env);
        for (int t = steps - 1; t >= 0; t--)
        {
            int lane = TrajectoryTiles.Lane(env, t);
            GaussianSample<TAction> sample = sampleTile[lane];
            TObservation s = observationTile[lane];
            returnToGo = sample.Reward + episodes.Gamma * returnToGo;
            float w = rewardToGo ? (returnToGo - weights.Baseline) * weights.Multiplier : tutorialWeight;
            GaussianStepGradient<TAction> step = GaussianPolicy.Gradient(sample.Action, sample.Mean, std, head.LogStd, w);
            a = a.Add(group.A, s, step.Mean);
            b = b.Add(group.B, s, step.Mean);
            c = c.Add(group.C, s, step.Mean);
            d = d.Add(group.D, s, step.Mean);
            if (g == 0)
            {
                outputBias = TAction.Add(outputBias, step.Mean);
                logStd = TAction.Add(logStd, step.LogStd);
                loss += w * step.LogProbability;
            }
        }

        var layout = new PolicyLayout(TObservation.Length, config.Hidden, TAction.Length, PolicyHead.Gaussian);
        int j = g * HiddenUnitGroups.Size;
        Write(gradients, env, layout, j, a);
        Write(gradients, env, layout, j + 1, b);
        Write(gradients, env, layout, j + 2, c);
        Write(gradients, env, layout, j + 3, d);
        if (g == 0)
        {
            Write(gradients, env, layout.Fc2Bias, 1, outputBias);
            Write(gradients, env, layout.LogStd, 1, logStd);
            gradients[GradientKernel.LossColumn(layout.Count), env] = loss;
            gradients[GradientKernel.EntropyColumn(layout.Count), env] = steps * GaussianPolicy.Entropy(head.LogStd);
        }
    }

    private static void Write<TObservation, TAction>(ArrayView2D<double, Stride2D.DenseX> gradients, int env, PolicyLayout layout, int j, UnitGradient<TObservation, TAction> u)
        where TObservation : unmanaged, IVector<TObservation>
        where TAction : unmanaged, IVector<TAction>
    {
        if (j >= layout.Hidden)
            return;
        GradientKernel.WriteFc1(gradients, env, layout, j, u);
        Write(gradients, env, layout.Fc2Weight + j, layout.Hidden, u.Out);
    }

    /// <summary>Writes the A columns first, first + stride, ...</summary>
    private static void Write<TAction>(ArrayView2D<double, Stride2D.DenseX> gradients, int env, int first, int stride, TAction values)
        where TAction : unmanaged, IVector<TAction>
    {
        for (int k = 0; k < TAction.Length; k++)
            gradients[first + k * stride, env] = TAction.Get(values, k);
    }
}
