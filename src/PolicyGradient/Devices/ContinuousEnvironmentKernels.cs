using ILGPU;
using ILGPU.Runtime;
using PolicyGradient.Kernels;
using Rows = ILGPU.Runtime.ArrayView2D<double, ILGPU.Stride2D.DenseX>;

namespace PolicyGradient.Devices;

/// <summary>
/// One continuous environment's kernels on one accelerator: <see cref="DeviceKernels.For{T}"/> loads them
/// once. What ILGPU cannot compile in the environment is an <see cref="EnvironmentCompileException"/>
/// naming its member, not the compiler's own exception.
/// </summary>
internal sealed class ContinuousEnvironmentKernels<TEnvironment, TState, TObservation, TAction>
    where TEnvironment : unmanaged, IContinuousEnvironment<TState, TObservation, TAction>
    where TState : unmanaged
    where TObservation : unmanaged, IVector<TObservation>
    where TAction : unmanaged, IVector<TAction>
{
    public ContinuousEnvironmentKernels(DeviceKernels kernels)
    {
        try
        {
            Accelerator accelerator = kernels.Accelerator;
            Rollout = kernels.Load(DeviceKernels.Listed<Action<Index1D, TEnvironment, ArrayView2D<HiddenUnitGroup<TObservation, TAction>, Stride2D.DenseX>, ArrayView<GaussianHead<TAction>>, ArrayView<AgentEpisodes>, ArrayView2D<TObservation, Stride2D.DenseX>, ArrayView2D<GaussianSample<TAction>, Stride2D.DenseX>, Rows, EpisodeConfig>>(
                RolloutKernel.Run<TEnvironment, TState, TObservation, TAction, GaussianHead<TAction>, GaussianSample<TAction>, GaussianRollout<TEnvironment, TState, TObservation, TAction>>, EntryPoints), k => accelerator.LoadAutoGroupedStreamKernel(k));
            Gradient = kernels.Load(DeviceKernels.Listed<Action<Index1D, ArrayView2D<HiddenUnitGroup<TObservation, TAction>, Stride2D.DenseX>, ArrayView<GaussianHead<TAction>>, ArrayView<AgentEpisodes>, ArrayView2D<TObservation, Stride2D.DenseX>, ArrayView2D<GaussianSample<TAction>, Stride2D.DenseX>, Rows, Rows, EpisodeConfig>>(
                GradientKernel.Run<TObservation, TAction, GaussianHead<TAction>, GaussianSample<TAction>, GaussianSums<TAction>, GaussianGradient<TAction>>, EntryPoints), k => accelerator.LoadAutoGroupedStreamKernel(k));
            Step = kernels.Load(DeviceKernels.Listed<Action<Index1D, TEnvironment, ArrayView<TState>, ArrayView<TAction>, ArrayView<TState>, ArrayView<TObservation>, ArrayView<float>, ArrayView<int>>>(
                SingleStepKernels.ContinuousStep<TEnvironment, TState, TObservation, TAction>, EntryPoints), k => accelerator.LoadAutoGroupedStreamKernel(k));
            Forward = kernels.Load(DeviceKernels.Listed<Action<Index1D, ArrayView2D<HiddenUnitGroup<TObservation, TAction>, Stride2D.DenseX>, Logits<TAction>, ArrayView<TObservation>, ArrayView<Logits<TAction>>>>(
                SingleStepKernels.Forward<TObservation, TAction>, EntryPoints), k => accelerator.LoadAutoGroupedStreamKernel(k));
        }
        catch (Exception e) when (EnvironmentCompileErrors.Describe(e, typeof(TEnvironment)) is { } line)
        {
            throw new EnvironmentCompileException(line, e);
        }
    }

    /// <summary>This environment's entry points, which every kernel loaded here must be among.</summary>
    private static IReadOnlyList<KernelEntryPoint> EntryPoints => Environment.ContinuousDeviceEnvironment<TEnvironment, TState, TObservation, TAction>.EntryPoints;

    public Action<Index1D, TEnvironment, ArrayView2D<HiddenUnitGroup<TObservation, TAction>, Stride2D.DenseX>, ArrayView<GaussianHead<TAction>>, ArrayView<AgentEpisodes>, ArrayView2D<TObservation, Stride2D.DenseX>, ArrayView2D<GaussianSample<TAction>, Stride2D.DenseX>, Rows, EpisodeConfig> Rollout { get; }
    public Action<Index1D, ArrayView2D<HiddenUnitGroup<TObservation, TAction>, Stride2D.DenseX>, ArrayView<GaussianHead<TAction>>, ArrayView<AgentEpisodes>, ArrayView2D<TObservation, Stride2D.DenseX>, ArrayView2D<GaussianSample<TAction>, Stride2D.DenseX>, Rows, Rows, EpisodeConfig> Gradient { get; }
    public Action<Index1D, TEnvironment, ArrayView<TState>, ArrayView<TAction>, ArrayView<TState>, ArrayView<TObservation>, ArrayView<float>, ArrayView<int>> Step { get; }
    public Action<Index1D, ArrayView2D<HiddenUnitGroup<TObservation, TAction>, Stride2D.DenseX>, Logits<TAction>, ArrayView<TObservation>, ArrayView<Logits<TAction>>> Forward { get; }
}
