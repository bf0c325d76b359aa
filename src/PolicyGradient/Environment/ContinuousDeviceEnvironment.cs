using ILGPU;
using ILGPU.Runtime;
using PolicyGradient.Batched;
using PolicyGradient.Devices;
using PolicyGradient.Kernels;
using PolicyGradient.Policy;

namespace PolicyGradient.Environment;

/// <summary>A continuous environment's engine entry: a Gaussian policy over its <typeparamref name="TAction"/> Box.</summary>
internal sealed class ContinuousDeviceEnvironment<TEnvironment, TState, TObservation, TAction> : DeviceEnvironment
    where TEnvironment : unmanaged, IContinuousEnvironment<TState, TObservation, TAction>
    where TState : unmanaged
    where TObservation : unmanaged, IVector<TObservation>
    where TAction : unmanaged, IVector<TAction>
{
    public ContinuousDeviceEnvironment(TEnvironment parameters)
    {
        DeviceStates.RequireFloats<TState>(TEnvironment.Id);
        Parameters = parameters;
    }

    public TEnvironment Parameters { get; }
    public override string Id => TEnvironment.Id;
    public override int Observations => TObservation.Length;
    public override int Actions => TAction.Length;
    public override PolicyHead Head => PolicyHead.Gaussian;
    public override ActionSpace ActionSpace => new BoxActions(Vectors.ToArray(TEnvironment.ActionLow), Vectors.ToArray(TEnvironment.ActionHigh));
    public override int MaxEpisodeSteps => TEnvironment.MaxEpisodeSteps;
    public override int ResetDraws => TEnvironment.ResetDraws;
    public override int StateSize => DeviceStates.Size<TState>();
    public override Type EnvironmentType => typeof(TEnvironment);
    protected override long BytesPerStep => TrajectoryBuffers<TEnvironment, TObservation, TAction, GaussianHead<TAction>, GaussianSample<TAction>>.BytesPerStep;

    public override TrajectoryBuffers CreateBuffers(ComputeDevice device, int agents, int envs, int hidden, int maxSteps)
    {
        var kernels = Kernels(device);
        return new TrajectoryBuffers<TEnvironment, TObservation, TAction, GaussianHead<TAction>, GaussianSample<TAction>>(device, Parameters, agents, envs, hidden, maxSteps,
            kernels.Rollout, kernels.Gradient, PackedPolicy.PackGaussian,
            samples => RecordedActions.Box(TAction.Length, [.. samples.SelectMany(s => Vectors.ToArray(s.Action))]));
    }

    public override IEnumerable<KernelEntryPoint> KernelEntryPoints() => EntryPoints;

    /// <summary>This environment's kernels, which <see cref="ContinuousEnvironmentKernels{TEnvironment, TState, TObservation, TAction}"/> loads: a built-in's are also in <see cref="Devices.KernelEntryPoints.All"/>.</summary>
    internal static IReadOnlyList<KernelEntryPoint> EntryPoints { get; } =
    [
        KernelEntryPoint.Implicit($"rollout_{EntryPointId}", typeof(RolloutKernel), nameof(RolloutKernel.Run), typeof(TEnvironment), typeof(TState), typeof(TObservation), typeof(TAction),
            typeof(GaussianHead<TAction>), typeof(GaussianSample<TAction>), typeof(GaussianRollout<TEnvironment, TState, TObservation, TAction>)),
        KernelEntryPoint.Implicit($"step_{EntryPointId}", typeof(SingleStepKernels), nameof(SingleStepKernels.ContinuousStep), typeof(TEnvironment), typeof(TState), typeof(TObservation), typeof(TAction)),
        KernelEntryPoint.Implicit($"gradient_gaussian_d{TObservation.Length}_a{TAction.Length}", typeof(GradientKernel), nameof(GradientKernel.Run), typeof(TObservation), typeof(TAction),
            typeof(GaussianHead<TAction>), typeof(GaussianSample<TAction>), typeof(GaussianSums<TAction>), typeof(GaussianGradient<TAction>)),
        KernelEntryPoint.Forward<TObservation, TAction>(),
    ];

    private static string EntryPointId => TEnvironment.Id.ToLowerInvariant().Replace('-', '_');

    private ContinuousEnvironmentKernels<TEnvironment, TState, TObservation, TAction> Kernels(ComputeDevice device) =>
        device.Kernels.For(k => new ContinuousEnvironmentKernels<TEnvironment, TState, TObservation, TAction>(k));

    public override DeviceTransition[] Step(ComputeDevice device, float[][] initial, float[][] actions) =>
        SingleStepLaunches.Step(device, Kernels(device).Step, Parameters, DeviceStates.Pack<TState>(Id, initial), [.. actions.Select(Action)]);

    public override IReferenceEnvironment CreateHostRun() => new HostContinuousEnvironment<TEnvironment, TState, TObservation, TAction>(Parameters);

    public override float[][] Outputs(ComputeDevice device, PolicyParameters policy, float[][] observations)
    {
        var packed = new HiddenUnitGroup<TObservation, TAction>[HiddenUnitGroups.CountFor(policy.Hidden)];
        GaussianHead<TAction> head = PackedPolicy.PackGaussian(policy, packed.AsSpan());
        return [.. SingleStepLaunches.Forward(device, Kernels(device).Forward, packed, new Logits<TAction>(0.0f, head.Bias), observations).Select(m => Vectors.ToArray(m.Others))];
    }

    private TAction Action(float[] values) => values.Length == TAction.Length
        ? Vectors.FromArray<TAction>(values)
        : throw new ArgumentException($"a {Id} action has {TAction.Length} numbers, got {values.Length}", nameof(values));
}
