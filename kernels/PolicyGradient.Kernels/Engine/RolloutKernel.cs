using ILGPU;
using ILGPU.Runtime;

namespace PolicyGradient.Kernels;

/// <summary>
/// Each environment plays one whole episode (reset, then up to MaxSteps policy-sampled steps)
/// with its agent's parameters, records each step for the gradient kernel, and writes the
/// episode's statistics. Threads stride over environments (see <see cref="EpisodeConfig.Threads"/>),
/// so neighbouring threads play neighbouring envs and, with time-major trajectories, write
/// neighbouring memory at each step. The policy head (TPolicy: categorical or
/// Gaussian) turns the network's outputs into actions and records.
/// </summary>
internal static class RolloutKernel
{
    /// <param name="environment">The environment's parameters, the same for every env.</param>
    /// <param name="parameters">[agent][group] hidden units.</param>
    /// <param name="heads">[agent] the head's parameters besides the hidden units.</param>
    /// <param name="observations">[step][env] (time-major: index (env, step), env dense) observations.</param>
    /// <param name="samples">[step][env] the head's record of each step.</param>
    /// <param name="statistics">[env][<see cref="EpisodeStatistics.Width"/>] per-episode statistics (index (column, env)).</param>
    public static void Run<TEnvironment, TState, TObservation, TOut, THead, TSample, TPolicy>(
        Index1D index,
        TEnvironment environment,
        ArrayView2D<HiddenUnitGroup<TObservation, TOut>, Stride2D.DenseX> parameters,
        ArrayView<THead> heads,
        ArrayView<AgentEpisodes> agents,
        ArrayView2D<TObservation, Stride2D.DenseX> observations,
        ArrayView2D<TSample, Stride2D.DenseX> samples,
        ArrayView2D<double, Stride2D.DenseX> statistics,
        EpisodeConfig config)
        where TEnvironment : unmanaged, IEnvironment<TState, TObservation>
        where TState : unmanaged
        where TObservation : unmanaged, IVector<TObservation>
        where TOut : unmanaged, IVector<TOut>
        where THead : unmanaged
        where TSample : unmanaged, IRecordedStep
        where TPolicy : struct, IRolloutHead<TEnvironment, TState, TObservation, TOut, THead, TSample>
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
                {
                    Play<TEnvironment, TState, TObservation, TOut, THead, TSample, TPolicy>(
                        env, agent, env - agent * config.EnvsPerAgent, episodes, environment, parameters, heads[agent], observations, samples, statistics, config);
                }
            }
        }
    }

    private static void Play<TEnvironment, TState, TObservation, TOut, THead, TSample, TPolicy>(
        int env,
        int agent,
        int envOfAgent,
        AgentEpisodes episodes,
        TEnvironment environment,
        ArrayView2D<HiddenUnitGroup<TObservation, TOut>, Stride2D.DenseX> parameters,
        THead head,
        ArrayView2D<TObservation, Stride2D.DenseX> observations,
        ArrayView2D<TSample, Stride2D.DenseX> samples,
        ArrayView2D<double, Stride2D.DenseX> statistics,
        EpisodeConfig config)
        where TEnvironment : unmanaged, IEnvironment<TState, TObservation>
        where TState : unmanaged
        where TObservation : unmanaged, IVector<TObservation>
        where TOut : unmanaged, IVector<TOut>
        where THead : unmanaged
        where TSample : unmanaged, IRecordedStep
        where TPolicy : struct, IRolloutHead<TEnvironment, TState, TObservation, TOut, THead, TSample>
    {
        ulong key = episodes.StreamKey(envOfAgent);
        TState s = environment.Reset(key);
        ArrayView<HiddenUnitGroup<TObservation, TOut>> units = PolicyNetwork.AgentUnits(parameters, agent);
        ArrayView<TObservation> observationTile = TrajectoryTiles.Tile(observations, env);
        ArrayView<TSample> sampleTile = TrajectoryTiles.Tile(samples, env);
        Logits<TOut> bias = TPolicy.OutputBias(head);
        ulong firstActionDraw = (ulong)TEnvironment.ResetDraws;
        ulong drawsPerStep = (ulong)TPolicy.DrawsPerStep;
        int steps = 0;
        float episodeReturn = 0.0f;
        bool terminated = false;
        while (steps < config.MaxSteps)
        {
            TObservation observation = environment.Observe(s);
            TSample decision = TPolicy.Decide(head, PolicyNetwork.Forward(units, bias, observation), key, firstActionDraw + (ulong)steps * drawsPerStep);
            Transition<TState> transition = TPolicy.Step(environment, s, decision);
            int lane = TrajectoryTiles.Lane(env, steps);
            observationTile[lane] = observation;
            sampleTile[lane] = TPolicy.WithReward(decision, transition.Reward);
            episodeReturn += transition.Reward;
            s = transition.State;
            steps++;
            if (transition.Terminated)
            {
                terminated = true;
                break;
            }
        }

        EpisodeStatistics.Record(statistics, env, sampleTile, steps, episodes.Gamma, episodeReturn, terminated);
    }
}
