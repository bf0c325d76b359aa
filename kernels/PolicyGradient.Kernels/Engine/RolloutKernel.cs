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
internal static class RolloutKernel
{
    /// <param name="environment">The environment's parameters, the same for every env.</param>
    /// <param name="parameters">[agent][group] hidden units.</param>
    /// <param name="outputBiases">[agent] fc2.bias.</param>
    /// <param name="observations">[step][env] (time-major: index (env, step), env dense) observations.</param>
    /// <param name="samples">[step][env] the sampled action, its reward and the policy's probabilities.</param>
    /// <param name="statistics">[env][<see cref="EpisodeStatistics.Width"/>] per-episode statistics (index (column, env)).</param>
    public static void Run<TEnvironment, TState, TObservation, TOthers>(
        Index1D index,
        TEnvironment environment,
        ArrayView2D<HiddenUnitGroup<TObservation, TOthers>, Stride2D.DenseX> parameters,
        ArrayView<Logits<TOthers>> outputBiases,
        ArrayView<AgentEpisodes> agents,
        ArrayView2D<TObservation, Stride2D.DenseX> observations,
        ArrayView2D<ActionSample<TOthers>, Stride2D.DenseX> samples,
        ArrayView2D<double, Stride2D.DenseX> statistics,
        EpisodeConfig config)
        where TEnvironment : unmanaged, IDiscreteEnvironment<TState, TObservation>
        where TState : unmanaged
        where TObservation : unmanaged, IVector<TObservation>
        where TOthers : unmanaged, IVector<TOthers>
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
                    Play<TEnvironment, TState, TObservation, TOthers>(
                        env, agent, env - agent * config.EnvsPerAgent, episodes, environment, parameters, outputBiases[agent], observations, samples, statistics, config);
                }
            }
        }
    }

    private static void Play<TEnvironment, TState, TObservation, TOthers>(
        int env,
        int agent,
        int envOfAgent,
        AgentEpisodes episodes,
        TEnvironment environment,
        ArrayView2D<HiddenUnitGroup<TObservation, TOthers>, Stride2D.DenseX> parameters,
        Logits<TOthers> outputBias,
        ArrayView2D<TObservation, Stride2D.DenseX> observations,
        ArrayView2D<ActionSample<TOthers>, Stride2D.DenseX> samples,
        ArrayView2D<double, Stride2D.DenseX> statistics,
        EpisodeConfig config)
        where TEnvironment : unmanaged, IDiscreteEnvironment<TState, TObservation>
        where TState : unmanaged
        where TObservation : unmanaged, IVector<TObservation>
        where TOthers : unmanaged, IVector<TOthers>
    {
        ulong key = episodes.StreamKey(envOfAgent);
        TState s = environment.Reset(key);
        ArrayView<HiddenUnitGroup<TObservation, TOthers>> units = PolicyNetwork.AgentUnits(parameters, agent);
        ArrayView<TObservation> observationTile = TrajectoryTiles.Tile(observations, env);
        ArrayView<ActionSample<TOthers>> sampleTile = TrajectoryTiles.Tile(samples, env);
        ulong firstActionDraw = (ulong)TEnvironment.ResetDraws;
        int steps = 0;
        float episodeReturn = 0.0f;
        bool terminated = false;
        while (steps < config.MaxSteps)
        {
            TObservation observation = environment.Observe(s);
            TOthers probabilities = CategoricalPolicy.Probabilities(PolicyNetwork.Forward(units, outputBias, observation));
            int action = CategoricalPolicy.Sample(probabilities, CounterRandom.UniformFloat(key, firstActionDraw + (ulong)steps));
            Transition<TState> transition = environment.Step(s, action);
            int lane = TrajectoryTiles.Lane(env, steps);
            observationTile[lane] = observation;
            sampleTile[lane] = new ActionSample<TOthers> { Action = action, Reward = transition.Reward, Probabilities = probabilities };
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
