using ILGPU;
using ILGPU.Runtime;

namespace PolicyGradient.Kernels;

/// <summary>
/// Each environment plays one whole episode (reset, then up to MaxSteps policy-sampled steps)
/// with its agent's parameters, records each step for the gradient kernel, and writes the
/// episode's statistics. Threads stride over environments (see <see cref="EpisodeConfig.Threads"/>),
/// so neighbouring threads play neighbouring envs and, with time-major trajectories, write
/// neighbouring memory at each step.
/// </summary>
public static class RolloutKernel
{
    /// <param name="parameters">[agent][group] hidden units.</param>
    /// <param name="observations">[step][env] (time-major: index (env, step), env dense) observations.</param>
    /// <param name="samples">[step][env] the sampled action and pi(1|s).</param>
    /// <param name="statistics">[env][<see cref="EpisodeStatistics.Width"/>] per-episode statistics (index (column, env)).</param>
    public static void Run(
        Index1D index,
        ArrayView2D<HiddenUnitGroup, Stride2D.DenseX> parameters,
        ArrayView<AgentEpisodes> agents,
        ArrayView2D<CartPoleState, Stride2D.DenseX> observations,
        ArrayView2D<ActionSample, Stride2D.DenseX> samples,
        ArrayView2D<double, Stride2D.DenseX> statistics,
        EpisodeConfig config)
    {
        int chunks = config.Chunks;
        for (int chunk = index; chunk < chunks; chunk += config.Threads)
        {
            int end = config.ChunkEnd(chunk);
            for (int env = chunk * config.EnvsPerChunk; env < end; env++)
            {
                int agent = env / config.EnvsPerAgent;
                AgentEpisodes episodes = agents[agent];
                if (episodes.Active != 0)
                    Play(env, agent, env - agent * config.EnvsPerAgent, episodes, parameters, observations, samples, statistics, config);
            }
        }
    }

    private static void Play(
        int env,
        int agent,
        int envOfAgent,
        AgentEpisodes episodes,
        ArrayView2D<HiddenUnitGroup, Stride2D.DenseX> parameters,
        ArrayView2D<CartPoleState, Stride2D.DenseX> observations,
        ArrayView2D<ActionSample, Stride2D.DenseX> samples,
        ArrayView2D<double, Stride2D.DenseX> statistics,
        EpisodeConfig config)
    {
        ulong key = episodes.StreamKey(envOfAgent);
        CartPoleState s = CartPolePhysics.Reset(key);
        ArrayView<HiddenUnitGroup> units = PolicyNetwork.AgentUnits(parameters, agent);
        ArrayView<CartPoleState> observationTile = TrajectoryTiles.Tile(observations, env);
        ArrayView<ActionSample> sampleTile = TrajectoryTiles.Tile(samples, env);
        int steps = 0;
        while (steps < config.MaxSteps)
        {
            float gap = PolicyNetwork.Logits(units, episodes.OutputBias0, episodes.OutputBias1, s, out _, out _);
            float p1 = PolicyNetwork.ProbabilityOfAction1(gap);
            int action = CounterRandom.UniformFloat(key, CartPolePhysics.ResetDraws + (ulong)steps) < p1 ? 1 : 0;
            int lane = TrajectoryTiles.Lane(env, steps);
            observationTile[lane] = s;
            sampleTile[lane] = new ActionSample { Action = action, ProbabilityOfAction1 = p1 };
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
            returnToGo = 1.0f + episodes.Gamma * returnToGo;
            sumG += returnToGo;
            sumG2 += returnToGo * returnToGo;
        }
        statistics[EpisodeStatistics.Steps, env] = steps;
        statistics[EpisodeStatistics.ReturnSum, env] = steps;
        statistics[EpisodeStatistics.ReturnMin, env] = steps;
        statistics[EpisodeStatistics.ReturnMax, env] = steps;
        statistics[EpisodeStatistics.ReturnsToGoSum, env] = sumG;
        statistics[EpisodeStatistics.ReturnsToGoSquaredSum, env] = sumG2;
        statistics[EpisodeStatistics.Episodes, env] = 1.0;
    }
}
