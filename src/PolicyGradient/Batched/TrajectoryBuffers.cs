using System.Runtime.InteropServices;
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

internal sealed class TrajectoryBuffers<TEnvironment, TState, TObservation, TOthers> : TrajectoryBuffers
    where TEnvironment : unmanaged, IDiscreteEnvironment<TState, TObservation>
    where TState : unmanaged
    where TObservation : unmanaged, IVector<TObservation>
    where TOthers : unmanaged, IVector<TOthers>
{
    private readonly TEnvironment _environment;
    private readonly EnvironmentKernels<TEnvironment, TState, TObservation, TOthers> _kernels;
    private readonly int _groups;
    private readonly MemoryBuffer1D<HiddenUnitGroup<TObservation, TOthers>, Stride1D.Dense> _parameters;
    private readonly MemoryBuffer1D<Logits<TOthers>, Stride1D.Dense> _outputBiases;
    private readonly MemoryBuffer1D<TObservation, Stride1D.Dense> _observations;
    private readonly MemoryBuffer1D<ActionSample<TOthers>, Stride1D.Dense> _samples;
    private readonly HiddenUnitGroup<TObservation, TOthers>[] _hostParameters;
    private readonly Logits<TOthers>[] _hostOutputBiases;
    private readonly LongIndex2D _trajectoryExtent;

    public TrajectoryBuffers(ComputeDevice device, TEnvironment environment, int agents, int envs, int hidden, int maxSteps)
    {
        _environment = environment;
        _kernels = device.Kernels.For(k => new EnvironmentKernels<TEnvironment, TState, TObservation, TOthers>(k));
        _groups = HiddenUnitGroups.CountFor(hidden);
        _trajectoryExtent = TrajectoryTiles.Extent(envs, maxSteps);
        _parameters = device.Accelerator.Allocate1D<HiddenUnitGroup<TObservation, TOthers>>((long)agents * _groups);
        _outputBiases = device.Accelerator.Allocate1D<Logits<TOthers>>(agents);
        _observations = device.Accelerator.Allocate1D<TObservation>(_trajectoryExtent.Size);
        _samples = device.Accelerator.Allocate1D<ActionSample<TOthers>>(_trajectoryExtent.Size);
        _hostParameters = new HiddenUnitGroup<TObservation, TOthers>[agents * _groups];
        _hostOutputBiases = new Logits<TOthers>[agents];
    }

    /// <summary>Device bytes per step of one env's trajectory.</summary>
    public static long BytesPerStep => ArrayView<TObservation>.ElementSize + ArrayView<ActionSample<TOthers>>.ElementSize;

    public override void Pack(int agent, PolicyParameters policy) =>
        _hostOutputBiases[agent] = PackedPolicy.Pack(policy, _hostParameters.AsSpan(agent * _groups, _groups));

    public override void Rollout(int threads, ArrayView<AgentEpisodes> agents, ArrayView2D<double, Stride2D.DenseX> statistics, EpisodeConfig config)
    {
        _parameters.View.CopyFromCPU(_hostParameters);
        _outputBiases.View.CopyFromCPU(_hostOutputBiases);
        _kernels.Rollout(threads, _environment, Parameters, _outputBiases.View, agents, Observations, Samples, statistics, config);
    }

    public override void Gradient(int threads, ArrayView<AgentEpisodes> agents, ArrayView2D<double, Stride2D.DenseX> statistics, ArrayView2D<double, Stride2D.DenseX> gradients, EpisodeConfig config) =>
        _kernels.Gradient(threads, Parameters, agents, Observations, Samples, statistics, gradients, config);

    public override RecordedRollout Read(EpisodeConfig config, double[] statistics)
    {
        ActionSample<TOthers>[] samples = _samples.GetAsArray1D();
        return new RecordedRollout(
            config.Envs, config.MaxSteps, TObservation.Length,
            MemoryMarshal.Cast<TObservation, float>(_observations.GetAsArray1D()).ToArray(),
            RecordedActions.Discrete([.. samples.Select(s => s.Action)]),
            [.. samples.Select(s => s.Reward)],
            statistics);
    }

    private ArrayView2D<HiddenUnitGroup<TObservation, TOthers>, Stride2D.DenseX> Parameters =>
        _parameters.View.As2DDenseXView(new LongIndex2D(_groups, _hostOutputBiases.Length));

    /// <summary>Time-major in tiles of envs: see <see cref="TrajectoryTiles"/>.</summary>
    private ArrayView2D<TObservation, Stride2D.DenseX> Observations => _observations.View.As2DDenseXView(_trajectoryExtent);

    private ArrayView2D<ActionSample<TOthers>, Stride2D.DenseX> Samples => _samples.View.As2DDenseXView(_trajectoryExtent);

    public override void Dispose()
    {
        _parameters.Dispose();
        _outputBiases.Dispose();
        _observations.Dispose();
        _samples.Dispose();
    }
}
