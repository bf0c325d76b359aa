using ILGPU;
using ILGPU.Runtime;
using PolicyGradient.Devices;
using PolicyGradient.Kernels;
using PolicyGradient.Policy;

namespace PolicyGradient.Batched;

/// <summary>
/// The part of a batch whose types depend on the environment: the agents' packed parameters,
/// the recorded trajectories, and the rollout and gradient launches over them.
/// </summary>
internal abstract class TrajectoryBuffers : IDisposable
{
    /// <summary>Packs agent <paramref name="agent"/>'s parameters into the host staging arrays (no allocation).</summary>
    public abstract void Pack(int agent, PolicyParameters policy);

    /// <summary>Uploads the packed parameters and plays one episode per env of every active agent.</summary>
    public abstract void Rollout(int threads, ArrayView<AgentEpisodes> agents, ArrayView2D<double, Stride2D.DenseX> statistics, EpisodeConfig config);

    public abstract void Gradient(int threads, ArrayView<AgentEpisodes> agents, ArrayView2D<double, Stride2D.DenseX> statistics, ArrayView2D<double, Stride2D.DenseX> gradients, EpisodeConfig config);

    public abstract RecordedRollout Read(EpisodeConfig config, double[] statistics);

    public abstract void Dispose();
}

/// <summary>A discrete environment's buffers: a categorical policy's output bias per agent and each step's action and probabilities.</summary>
internal sealed class TrajectoryBuffers<TEnvironment, TState, TObservation, TOthers> : TrajectoryBuffers
    where TEnvironment : unmanaged, IDiscreteEnvironment<TState, TObservation>
    where TState : unmanaged
    where TObservation : unmanaged, IVector<TObservation>
    where TOthers : unmanaged, IVector<TOthers>
{
    private readonly TEnvironment _environment;
    private readonly EnvironmentKernels<TEnvironment, TState, TObservation, TOthers> _kernels;
    private readonly AgentTrajectories<TObservation, TOthers, Logits<TOthers>, ActionSample<TOthers>> _memory;

    public TrajectoryBuffers(ComputeDevice device, TEnvironment environment, int agents, int envs, int hidden, int maxSteps)
    {
        _environment = environment;
        _kernels = device.Kernels.For(k => new EnvironmentKernels<TEnvironment, TState, TObservation, TOthers>(k));
        _memory = new AgentTrajectories<TObservation, TOthers, Logits<TOthers>, ActionSample<TOthers>>(device, agents, envs, hidden, maxSteps);
    }

    /// <summary>Device bytes per step of one env's trajectory.</summary>
    public static long BytesPerStep => AgentTrajectories<TObservation, TOthers, Logits<TOthers>, ActionSample<TOthers>>.BytesPerStep;

    public override void Pack(int agent, PolicyParameters policy) => _memory.SetHead(agent, PackedPolicy.Pack(policy, _memory.AgentGroups(agent)));

    public override void Rollout(int threads, ArrayView<AgentEpisodes> agents, ArrayView2D<double, Stride2D.DenseX> statistics, EpisodeConfig config)
    {
        _memory.Upload();
        _kernels.Rollout(threads, _environment, _memory.Parameters, _memory.Heads, agents, _memory.Observations, _memory.Samples, statistics, config);
    }

    public override void Gradient(int threads, ArrayView<AgentEpisodes> agents, ArrayView2D<double, Stride2D.DenseX> statistics, ArrayView2D<double, Stride2D.DenseX> gradients, EpisodeConfig config) =>
        _kernels.Gradient(threads, _memory.Parameters, _memory.Heads, agents, _memory.Observations, _memory.Samples, statistics, gradients, config);

    public override RecordedRollout Read(EpisodeConfig config, double[] statistics)
    {
        var (observations, samples) = _memory.Read();
        return new RecordedRollout(config.Envs, config.MaxSteps, TObservation.Length, observations,
            RecordedActions.Discrete([.. samples.Select(s => s.Action)]), [.. samples.Select(s => s.Reward)], statistics);
    }

    public override void Dispose() => _memory.Dispose();
}
