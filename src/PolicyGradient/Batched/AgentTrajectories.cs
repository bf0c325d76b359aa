using System.Runtime.InteropServices;
using ILGPU;
using ILGPU.Runtime;
using PolicyGradient.Devices;
using PolicyGradient.Kernels;

namespace PolicyGradient.Batched;

/// <summary>
/// The device memory of a batch whatever its policy head: each agent's packed hidden units and
/// head (<typeparamref name="THead"/>: a categorical policy's output bias, a Gaussian one's bias
/// and log_std), their host staging arrays, and every env's recorded observations and
/// <typeparamref name="TSample"/> records, time-major in tiles (<see cref="TrajectoryTiles"/>).
/// </summary>
internal sealed class AgentTrajectories<TObservation, TOut, THead, TSample> : IDisposable
    where TObservation : unmanaged, IVector<TObservation>
    where TOut : unmanaged, IVector<TOut>
    where THead : unmanaged
    where TSample : unmanaged
{
    private readonly int _groups;
    private readonly MemoryBuffer1D<HiddenUnitGroup<TObservation, TOut>, Stride1D.Dense> _parameters;
    private readonly MemoryBuffer1D<THead, Stride1D.Dense> _heads;
    private readonly MemoryBuffer1D<TObservation, Stride1D.Dense> _observations;
    private readonly MemoryBuffer1D<TSample, Stride1D.Dense> _samples;
    private readonly HiddenUnitGroup<TObservation, TOut>[] _hostParameters;
    private readonly THead[] _hostHeads;
    private readonly LongIndex2D _trajectoryExtent;

    public AgentTrajectories(ComputeDevice device, int agents, int envs, int hidden, int maxSteps)
    {
        _groups = HiddenUnitGroups.CountFor(hidden);
        _trajectoryExtent = TrajectoryTiles.Extent(envs, maxSteps);
        _parameters = device.Accelerator.Allocate1D<HiddenUnitGroup<TObservation, TOut>>((long)agents * _groups);
        _heads = device.Accelerator.Allocate1D<THead>(agents);
        _observations = device.Accelerator.Allocate1D<TObservation>(_trajectoryExtent.Size);
        _samples = device.Accelerator.Allocate1D<TSample>(_trajectoryExtent.Size);
        _hostParameters = new HiddenUnitGroup<TObservation, TOut>[agents * _groups];
        _hostHeads = new THead[agents];
    }

    /// <summary>Device bytes per step of one env's trajectory.</summary>
    public static long BytesPerStep => ArrayView<TObservation>.ElementSize + ArrayView<TSample>.ElementSize;

    /// <summary>Agent <paramref name="agent"/>'s staged hidden units, for packing into.</summary>
    public Span<HiddenUnitGroup<TObservation, TOut>> AgentGroups(int agent) => _hostParameters.AsSpan(agent * _groups, _groups);

    /// <summary>Stages agent <paramref name="agent"/>'s head.</summary>
    public void SetHead(int agent, THead head) => _hostHeads[agent] = head;

    /// <summary>Copies every agent's staged parameters to the device, before a rollout.</summary>
    public void Upload()
    {
        _parameters.View.CopyFromCPU(_hostParameters);
        _heads.View.CopyFromCPU(_hostHeads);
    }

    /// <summary>[agent][group] hidden units.</summary>
    public ArrayView2D<HiddenUnitGroup<TObservation, TOut>, Stride2D.DenseX> Parameters =>
        _parameters.View.As2DDenseXView(new LongIndex2D(_groups, _hostHeads.Length));

    public ArrayView<THead> Heads => _heads.View;

    public ArrayView2D<TObservation, Stride2D.DenseX> Observations => _observations.View.As2DDenseXView(_trajectoryExtent);

    public ArrayView2D<TSample, Stride2D.DenseX> Samples => _samples.View.As2DDenseXView(_trajectoryExtent);

    /// <summary>Every recorded observation's values and every sample record, read back in the device's layout.</summary>
    public (float[] Observations, TSample[] Samples) Read() =>
        (MemoryMarshal.Cast<TObservation, float>(_observations.GetAsArray1D()).ToArray(), _samples.GetAsArray1D());

    public void Dispose()
    {
        _parameters.Dispose();
        _heads.Dispose();
        _observations.Dispose();
        _samples.Dispose();
    }
}
