using ILGPU;

namespace PolicyGradient.Kernels;

/// <summary>
/// Each environment plays one whole episode (reset, then up to MaxSteps policy-sampled steps),
/// records each step for the gradient kernel, and writes the episode's statistics. Threads
/// stride over environments (see <see cref="EpisodeConfig.Threads"/>).
/// </summary>
public static class RolloutKernel
{
    /// <param name="trajectories">[envs][MaxSteps] step records.</param>
    /// <param name="statistics">[envs][<see cref="EpisodeStatistics.Width"/>] per-episode statistics.</param>
    public static void Run(
        Index1D index,
        ArrayView<HiddenUnitGroup> groups,
        ArrayView<StepRecord> trajectories,
        ArrayView<float> statistics,
        EpisodeConfig config)
    {
        for (int env = index; env < config.Envs; env += config.Threads)
            Play(env, groups, trajectories, statistics, config);
    }

    private static void Play(
        int env,
        ArrayView<HiddenUnitGroup> groups,
        ArrayView<StepRecord> trajectories,
        ArrayView<float> statistics,
        EpisodeConfig config)
    {
        ulong key = config.StreamKey(env);
        long first = (long)env * config.MaxSteps;
        CartPoleState s = CartPolePhysics.Reset(key);
        int steps = 0;
        while (steps < config.MaxSteps)
        {
            float gap = PolicyNetwork.Logits(groups, HiddenUnitGroup.CountFor(config.Hidden), config.OutputBias0, config.OutputBias1, s, out _, out _);
            float p1 = PolicyNetwork.ProbabilityOfAction1(gap);
            int action = CounterRandom.UniformFloat(key, CartPolePhysics.ResetDraws + (ulong)steps) < p1 ? 1 : 0;
            trajectories[first + steps] = new StepRecord { Observation = s, Action = action, ProbabilityOfAction1 = p1 };
            s = CartPolePhysics.Step(s, action);
            steps++;
            if (CartPolePhysics.IsTerminal(s))
                break;
        }

        // CartPole pays 1 per step, the terminating one included, so the return is the length
        // and G_t depends on the length alone.
        float returnToGo = 0.0f, sumG = 0.0f, sumG2 = 0.0f;
        for (int t = steps - 1; t >= 0; t--)
        {
            returnToGo = 1.0f + config.Gamma * returnToGo;
            sumG += returnToGo;
            sumG2 += returnToGo * returnToGo;
        }
        long row = (long)env * EpisodeStatistics.Width;
        statistics[row + EpisodeStatistics.Steps] = steps;
        statistics[row + EpisodeStatistics.ReturnSum] = steps;
        statistics[row + EpisodeStatistics.ReturnMin] = steps;
        statistics[row + EpisodeStatistics.ReturnMax] = steps;
        statistics[row + EpisodeStatistics.ReturnsToGoSum] = sumG;
        statistics[row + EpisodeStatistics.ReturnsToGoSquaredSum] = sumG2;
        statistics[row + EpisodeStatistics.Episodes] = 1.0f;
    }
}
