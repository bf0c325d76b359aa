using ILGPU;
using ILGPU.Runtime;

namespace PolicyGradient.Kernels;

/// <summary>
/// <see cref="RolloutKernel"/> for a continuous environment and a Gaussian policy: each environment
/// plays one whole episode, drawing action t from draws ResetDraws + 2 A t onwards of its stream,
/// and records the unclipped draw and the mean for the gradient kernel.
/// </summary>
internal static class GaussianRolloutKernel
{
    /// <param name="heads">[agent] fc2.bias and log_std.</param>
    /// <param name="samples">[step][env] the unclipped action, the mean and the reward.</param>
    public static void Run<TEnvironment, TState, TObservation, TAction>(
        Index1D index,
        TEnvironment environment,
        ArrayView2D<HiddenUnitGroup<TObservation, TAction>, Stride2D.DenseX> parameters,
        ArrayView<GaussianHead<TAction>> heads,
        ArrayView<AgentEpisodes> agents,
        ArrayView2D<TObservation, Stride2D.DenseX> observations,
        ArrayView2D<GaussianSample<TAction>, Stride2D.DenseX> samples,
        ArrayView2D<double, Stride2D.DenseX> statistics,
        EpisodeConfig config)
        where TEnvironment : unmanaged, IContinuousEnvironment<TState, TObservation, TAction>
        where TState : unmanaged
        where TObservation : unmanaged, IVector<TObservation>
        where TAction : unmanaged, IVector<TAction>
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
                    Play<TEnvironment, TState, TObservation, TAction>(
                        env, agent, env - agent * config.EnvsPerAgent, episodes, environment, parameters, heads[agent], observations, samples, statistics, config);
                }
            }
        }
    }

    private static void Play<TEnvironment, TState, TObservation, TAction>(
        int env,
        int agent,
        int envOfAgent,
        AgentEpisodes episodes,
        TEnvironment environment,
        ArrayView2D<HiddenUnitGroup<TObservation, TAction>, Stride2D.DenseX> parameters,
        GaussianHead<TAction> head,
        ArrayView2D<TObservation, Stride2D.DenseX> observations,
        ArrayView2D<GaussianSample<TAction>, Stride2D.DenseX> samples,
        ArrayView2D<double, Stride2D.DenseX> statistics,
        EpisodeConfig config)
        where TEnvironment : unmanaged, IContinuousEnvironment<TState, TObservation, TAction>
        where TState : unmanaged
        where TObservation : unmanaged, IVector<TObservation>
        where TAction : unmanaged, IVector<TAction>
    {
        ulong key = episodes.StreamKey(envOfAgent);
        TState s = environment.Reset(key);
        ArrayView<HiddenUnitGroup<TObservation, TAction>> units = PolicyNetwork.AgentUnits(parameters, agent);
        ArrayView<TObservation> observationTile = TrajectoryTiles.Tile(observations, env);
        ArrayView<GaussianSample<TAction>> sampleTile = TrajectoryTiles.Tile(samples, env);
        var bias = new Logits<TAction>(0.0f, head.Bias);
        TAction std = GaussianPolicy.Std(head.LogStd);
        ulong firstActionDraw = (ulong)TEnvironment.ResetDraws;
        ulong drawsPerAction = (ulong)GaussianPolicy.DrawsPerAction(TAction.Length);
        int steps = 0;
        float episodeReturn = 0.0f;
        bool terminated = false;
        while (steps < config.MaxSteps)
        {
            TObservation observation = environment.Observe(s);
            TAction mean = PolicyNetwork.Forward(units, bias, observation).Others;
            TAction action = GaussianPolicy.Sample(mean, std, key, firstActionDraw + (ulong)steps * drawsPerAction);
            Transition<TState> transition = environment.Step(s, action);
            int lane = TrajectoryTiles.Lane(env, steps);
            observationTile[lane] = observation;
            sampleTile[lane] = new GaussianSample<TAction> { Action = action, Mean = mean, Reward = transition.Reward };
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
