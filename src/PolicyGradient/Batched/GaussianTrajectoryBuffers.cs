using ILGPU;
using ILGPU.Runtime;
using PolicyGradient.Devices;
using PolicyGradient.Kernels;
using PolicyGradient.Policy;

namespace PolicyGradient.Batched;

/// <summary><see cref="TrajectoryBuffers"/> for a continuous environment: a Gaussian head per agent, and each step's unclipped draw and mean.</summary>
internal sealed class GaussianTrajectoryBuffers<TEnvironment, TState, TObservation, TAction> : TrajectoryBuffers
    where TEnvironment : unmanaged, IContinuousEnvironment<TState, TObservation, TAction>
    where TState : unmanaged
    where TObservation : unmanaged, IVector<TObservation>
    where TAction : unmanaged, IVector<TAction>
{
    private readonly TEnvironment _environment;
    private readonly ContinuousEnvironmentKernels<TEnvironment, TState, TObservation, TAction> _kernels;
    private readonly AgentTrajectories<TObservation, TAction, GaussianHead<TAction>, GaussianSample<TAction>> _memory;

    public GaussianTrajectoryBuffers(ComputeDevice device, TEnvironment environment, int agents, int envs, int hidden, int maxSteps)
    {
        _environment = environment;
        _kernels = device.Kernels.For(k => new ContinuousEnvironmentKernels<TEnvironment, TState, TObservation, TAction>(k));
        _memory = new AgentTrajectories<TObservation, TAction, GaussianHead<TAction>, GaussianSample<TAction>>(device, agents, envs, hidden, maxSteps);
    }

    /// <summary>Device bytes per step of one env's trajectory.</summary>
    public static long BytesPerStep => AgentTrajectories<TObservation, TAction, GaussianHead<TAction>, GaussianSample<TAction>>.BytesPerStep;

    public override void Pack(int agent, PolicyParameters policy) => _memory.SetHead(agent, PackedPolicy.PackGaussian(policy, _memory.AgentGroups(agent)));

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
            RecordedActions.Box(TAction.Length, [.. samples.SelectMany(s => Vectors.ToArray(s.Action))]), [.. samples.Select(s => s.Reward)], statistics);
    }

    public override void Dispose() => _memory.Dispose();
}
