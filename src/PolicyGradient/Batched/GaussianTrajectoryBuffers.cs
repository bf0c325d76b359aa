using System.Runtime.InteropServices;
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
    private readonly int _groups;
    private readonly MemoryBuffer1D<HiddenUnitGroup<TObservation, TAction>, Stride1D.Dense> _parameters;
    private readonly MemoryBuffer1D<GaussianHead<TAction>, Stride1D.Dense> _heads;
    private readonly MemoryBuffer1D<TObservation, Stride1D.Dense> _observations;
    private readonly MemoryBuffer1D<GaussianSample<TAction>, Stride1D.Dense> _samples;
    private readonly HiddenUnitGroup<TObservation, TAction>[] _hostParameters;
    private readonly GaussianHead<TAction>[] _hostHeads;
    private readonly LongIndex2D _trajectoryExtent;

    public GaussianTrajectoryBuffers(ComputeDevice device, TEnvironment environment, int agents, int envs, int hidden, int maxSteps)
    {
        _environment = environment;
        _kernels = device.Kernels.For(k => new ContinuousEnvironmentKernels<TEnvironment, TState, TObservation, TAction>(k));
        _groups = HiddenUnitGroups.CountFor(hidden);
        _trajectoryExtent = TrajectoryTiles.Extent(envs, maxSteps);
        _parameters = device.Accelerator.Allocate1D<HiddenUnitGroup<TObservation, TAction>>((long)agents * _groups);
        _heads = device.Accelerator.Allocate1D<GaussianHead<TAction>>(agents);
        _observations = device.Accelerator.Allocate1D<TObservation>(_trajectoryExtent.Size);
        _samples = device.Accelerator.Allocate1D<GaussianSample<TAction>>(_trajectoryExtent.Size);
        _hostParameters = new HiddenUnitGroup<TObservation, TAction>[agents * _groups];
        _hostHeads = new GaussianHead<TAction>[agents];
    }

    /// <summary>Device bytes per step of one env's trajectory.</summary>
    public static long BytesPerStep => ArrayView<TObservation>.ElementSize + ArrayView<GaussianSample<TAction>>.ElementSize;

    public override void Pack(int agent, PolicyParameters policy) =>
        _hostHeads[agent] = PackedPolicy.PackGaussian(policy, _hostParameters.AsSpan(agent * _groups, _groups));

    public override void Rollout(int threads, ArrayView<AgentEpisodes> agents, ArrayView2D<double, Stride2D.DenseX> statistics, EpisodeConfig config)
    {
        _parameters.View.CopyFromCPU(_hostParameters);
        _heads.View.CopyFromCPU(_hostHeads);
        _kernels.Rollout(threads, _environment, Parameters, _heads.View, agents, Observations, Samples, statistics, config);
    }

    public override void Gradient(int threads, ArrayView<AgentEpisodes> agents, ArrayView2D<double, Stride2D.DenseX> statistics, ArrayView2D<double, Stride2D.DenseX> gradients, EpisodeConfig config) =>
        _kernels.Gradient(threads, Parameters, _heads.View, agents, Observations, Samples, statistics, gradients, config);

    public override RecordedRollout Read(EpisodeConfig config, double[] statistics)
    {
        GaussianSample<TAction>[] samples = _samples.GetAsArray1D();
        return new RecordedRollout(
            config.Envs, config.MaxSteps, TObservation.Length,
            MemoryMarshal.Cast<TObservation, float>(_observations.GetAsArray1D()).ToArray(),
            RecordedActions.Box(TAction.Length, [.. samples.SelectMany(s => Vectors.ToArray(s.Action))]),
            [.. samples.Select(s => s.Reward)],
            statistics);
    }

    private ArrayView2D<HiddenUnitGroup<TObservation, TAction>, Stride2D.DenseX> Parameters =>
        _parameters.View.As2DDenseXView(new LongIndex2D(_groups, _hostHeads.Length));

    /// <summary>Time-major in tiles of envs: see <see cref="TrajectoryTiles"/>.</summary>
    private ArrayView2D<TObservation, Stride2D.DenseX> Observations => _observations.View.As2DDenseXView(_trajectoryExtent);

    private ArrayView2D<GaussianSample<TAction>, Stride2D.DenseX> Samples => _samples.View.As2DDenseXView(_trajectoryExtent);

    public override void Dispose()
    {
        _parameters.Dispose();
        _heads.Dispose();
        _observations.Dispose();
        _samples.Dispose();
    }
}
