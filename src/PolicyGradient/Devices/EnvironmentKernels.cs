using ILGPU;
using ILGPU.Runtime;
using PolicyGradient.Kernels;
using Rows = ILGPU.Runtime.ArrayView2D<double, ILGPU.Stride2D.DenseX>;

namespace PolicyGradient.Devices;

/// <summary>
/// One environment's kernels on one accelerator: <see cref="DeviceKernels.For{T}"/> loads them
/// once. What ILGPU cannot compile in the environment is an <see cref="EnvironmentCompileException"/>
/// naming its member, not the compiler's own exception.
/// </summary>
internal sealed class EnvironmentKernels<TEnvironment, TState, TObservation, TOthers>
    where TEnvironment : unmanaged, IDiscreteEnvironment<TState, TObservation>
    where TState : unmanaged
    where TObservation : unmanaged, IVector<TObservation>
    where TOthers : unmanaged, IVector<TOthers>
{
    public EnvironmentKernels(DeviceKernels kernels)
    {
        try
        {
            Accelerator accelerator = kernels.Accelerator;
            Rollout = kernels.Load(DeviceKernels.Listed<Action<Index1D, TEnvironment, ArrayView2D<HiddenUnitGroup<TObservation, TOthers>, Stride2D.DenseX>, ArrayView<Logits<TOthers>>, ArrayView<AgentEpisodes>, ArrayView2D<TObservation, Stride2D.DenseX>, ArrayView2D<ActionSample<TOthers>, Stride2D.DenseX>, Rows, EpisodeConfig>>(
                RolloutKernel.Run<TEnvironment, TState, TObservation, TOthers, Logits<TOthers>, ActionSample<TOthers>, CategoricalRollout<TEnvironment, TState, TObservation, TOthers>>, EntryPoints), k => accelerator.LoadAutoGroupedStreamKernel(k));
            Gradient = kernels.Load(DeviceKernels.Listed<Action<Index1D, ArrayView2D<HiddenUnitGroup<TObservation, TOthers>, Stride2D.DenseX>, ArrayView<Logits<TOthers>>, ArrayView<AgentEpisodes>, ArrayView2D<TObservation, Stride2D.DenseX>, ArrayView2D<ActionSample<TOthers>, Stride2D.DenseX>, Rows, Rows, EpisodeConfig>>(
                GradientKernel.Run<TObservation, TOthers, Logits<TOthers>, ActionSample<TOthers>, CategoricalSums<TOthers>, CategoricalGradient<TOthers>>, EntryPoints), k => accelerator.LoadAutoGroupedStreamKernel(k));
            Step = kernels.Load(DeviceKernels.Listed<Action<Index1D, TEnvironment, ArrayView<TState>, ArrayView<int>, ArrayView<TState>, ArrayView<TObservation>, ArrayView<float>, ArrayView<int>>>(
                SingleStepKernels.Step<TEnvironment, TState, TObservation>, EntryPoints), k => accelerator.LoadAutoGroupedStreamKernel(k));
            Forward = kernels.Load(DeviceKernels.Listed<Action<Index1D, ArrayView2D<HiddenUnitGroup<TObservation, TOthers>, Stride2D.DenseX>, Logits<TOthers>, ArrayView<TObservation>, ArrayView<Logits<TOthers>>>>(
                SingleStepKernels.Forward<TObservation, TOthers>, EntryPoints), k => accelerator.LoadAutoGroupedStreamKernel(k));
        }
        catch (Exception e) when (EnvironmentCompileErrors.Describe(e, typeof(TEnvironment)) is { } line)
        {
            throw new EnvironmentCompileException(line, e);
        }
    }

    /// <summary>This environment's entry points, which every kernel loaded here must be among.</summary>
    private static IReadOnlyList<KernelEntryPoint> EntryPoints => Environment.DiscreteDeviceEnvironment<TEnvironment, TState, TObservation, TOthers>.EntryPoints;

    public Action<Index1D, TEnvironment, ArrayView2D<HiddenUnitGroup<TObservation, TOthers>, Stride2D.DenseX>, ArrayView<Logits<TOthers>>, ArrayView<AgentEpisodes>, ArrayView2D<TObservation, Stride2D.DenseX>, ArrayView2D<ActionSample<TOthers>, Stride2D.DenseX>, Rows, EpisodeConfig> Rollout { get; }
    public Action<Index1D, ArrayView2D<HiddenUnitGroup<TObservation, TOthers>, Stride2D.DenseX>, ArrayView<Logits<TOthers>>, ArrayView<AgentEpisodes>, ArrayView2D<TObservation, Stride2D.DenseX>, ArrayView2D<ActionSample<TOthers>, Stride2D.DenseX>, Rows, Rows, EpisodeConfig> Gradient { get; }
    public Action<Index1D, TEnvironment, ArrayView<TState>, ArrayView<int>, ArrayView<TState>, ArrayView<TObservation>, ArrayView<float>, ArrayView<int>> Step { get; }
    public Action<Index1D, ArrayView2D<HiddenUnitGroup<TObservation, TOthers>, Stride2D.DenseX>, Logits<TOthers>, ArrayView<TObservation>, ArrayView<Logits<TOthers>>> Forward { get; }
}
