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

/// <summary>Packs one agent's policy into its staged hidden units and returns the head's own parameters (no allocation).</summary>
internal delegate THead PackHead<TObservation, TOut, THead>(PolicyParameters policy, Span<HiddenUnitGroup<TObservation, TOut>> groups)
    where TObservation : unmanaged, IVector<TObservation>
    where TOut : unmanaged, IVector<TOut>;

/// <summary>
/// The buffers of an environment and a policy head (categorical: <see cref="Logits{TOthers}"/> and
/// <see cref="ActionSample{TOthers}"/>; Gaussian: <see cref="GaussianHead{TAction}"/> and
/// <see cref="GaussianSample{TAction}"/>), with the kernels compiled for them.
/// </summary>
internal sealed class TrajectoryBuffers<TEnvironment, TObservation, TOut, THead, TSample>(
    ComputeDevice device,
    TEnvironment environment,
    int agents, int envs, int hidden, int maxSteps,
    Action<Index1D, TEnvironment, ArrayView2D<HiddenUnitGroup<TObservation, TOut>, Stride2D.DenseX>, ArrayView<THead>, ArrayView<AgentEpisodes>, ArrayView2D<TObservation, Stride2D.DenseX>, ArrayView2D<TSample, Stride2D.DenseX>, ArrayView2D<double, Stride2D.DenseX>, EpisodeConfig> rollout,
    Action<Index1D, ArrayView2D<HiddenUnitGroup<TObservation, TOut>, Stride2D.DenseX>, ArrayView<THead>, ArrayView<AgentEpisodes>, ArrayView2D<TObservation, Stride2D.DenseX>, ArrayView2D<TSample, Stride2D.DenseX>, ArrayView2D<double, Stride2D.DenseX>, ArrayView2D<double, Stride2D.DenseX>, EpisodeConfig> gradient,
    PackHead<TObservation, TOut, THead> pack,
    Func<TSample[], RecordedActions> actions) : TrajectoryBuffers
    where TEnvironment : unmanaged
    where TObservation : unmanaged, IVector<TObservation>
    where TOut : unmanaged, IVector<TOut>
    where THead : unmanaged
    where TSample : unmanaged, IRecordedStep
{
    private readonly AgentTrajectories<TObservation, TOut, THead, TSample> _memory = new(device, agents, envs, hidden, maxSteps);

    /// <summary>Device bytes per step of one env's trajectory.</summary>
    public static long BytesPerStep => AgentTrajectories<TObservation, TOut, THead, TSample>.BytesPerStep;

    public override void Pack(int agent, PolicyParameters policy) => _memory.SetHead(agent, pack(policy, _memory.AgentGroups(agent)));

    public override void Rollout(int threads, ArrayView<AgentEpisodes> agents, ArrayView2D<double, Stride2D.DenseX> statistics, EpisodeConfig config)
    {
        _memory.Upload();
        rollout(threads, environment, _memory.Parameters, _memory.Heads, agents, _memory.Observations, _memory.Samples, statistics, config);
    }

    public override void Gradient(int threads, ArrayView<AgentEpisodes> agents, ArrayView2D<double, Stride2D.DenseX> statistics, ArrayView2D<double, Stride2D.DenseX> gradients, EpisodeConfig config) =>
        gradient(threads, _memory.Parameters, _memory.Heads, agents, _memory.Observations, _memory.Samples, statistics, gradients, config);

    public override RecordedRollout Read(EpisodeConfig config, double[] statistics)
    {
        var (observations, samples) = _memory.Read();
        return new RecordedRollout(config.Envs, config.MaxSteps, TObservation.Length, observations, actions(samples), [.. samples.Select(s => s.Reward)], statistics);
    }

    public override void Dispose() => _memory.Dispose();
}
