using ILGPU;
using ILGPU.Runtime;
using PolicyGradient.Batched;
using PolicyGradient.Devices;
using PolicyGradient.Kernels;
using PolicyGradient.Policy;

namespace PolicyGradient.Environment;

/// <summary>A discrete environment's engine entry: a categorical policy over its N actions, whose vector of the N-1 after action 0 is <typeparamref name="TOthers"/>.</summary>
internal sealed class DiscreteDeviceEnvironment<TEnvironment, TState, TObservation, TOthers> : DeviceEnvironment
    where TEnvironment : unmanaged, IDiscreteEnvironment<TState, TObservation>
    where TState : unmanaged
    where TObservation : unmanaged, IVector<TObservation>
    where TOthers : unmanaged, IVector<TOthers>
{
    public DiscreteDeviceEnvironment(TEnvironment parameters)
    {
        if (TOthers.Length + 1 != TEnvironment.Actions)
            throw new ArgumentException($"{TEnvironment.Id} has {TEnvironment.Actions} actions, the action vector {TOthers.Length + 1}");
        DeviceStates.RequireFloats<TState>(TEnvironment.Id);
        Parameters = parameters;
    }

    public TEnvironment Parameters { get; }
    public override string Id => TEnvironment.Id;
    public override int Observations => TObservation.Length;
    public override int Actions => TEnvironment.Actions;
    public override PolicyHead Head => PolicyHead.Categorical;
    public override ActionSpace ActionSpace => new DiscreteActions(TEnvironment.Actions);
    public override int MaxEpisodeSteps => TEnvironment.MaxEpisodeSteps;
    public override int ResetDraws => TEnvironment.ResetDraws;
    public override int StateSize => DeviceStates.Size<TState>();
    public override Type EnvironmentType => typeof(TEnvironment);
    protected override long BytesPerStep => TrajectoryBuffers<TEnvironment, TObservation, TOthers, Logits<TOthers>, ActionSample<TOthers>>.BytesPerStep;

    public override TrajectoryBuffers CreateBuffers(ComputeDevice device, int agents, int envs, int hidden, int maxSteps)
    {
        var kernels = Kernels(device);
        return new TrajectoryBuffers<TEnvironment, TObservation, TOthers, Logits<TOthers>, ActionSample<TOthers>>(device, Parameters, agents, envs, hidden, maxSteps,
            kernels.Rollout, kernels.Gradient, PackedPolicy.Pack, samples => RecordedActions.Discrete([.. samples.Select(s => s.Action)]));
    }

    public override IEnumerable<KernelEntryPoint> KernelEntryPoints() => EntryPoints;

    /// <summary>This environment's kernels, which <see cref="EnvironmentKernels{TEnvironment, TState, TObservation, TOthers}"/> loads: a built-in's are also in <see cref="Devices.KernelEntryPoints.All"/>.</summary>
    internal static IReadOnlyList<KernelEntryPoint> EntryPoints { get; } =
    [
        KernelEntryPoint.Implicit($"rollout_{EntryPointId}", typeof(RolloutKernel), nameof(RolloutKernel.Run), typeof(TEnvironment), typeof(TState), typeof(TObservation), typeof(TOthers),
            typeof(Logits<TOthers>), typeof(ActionSample<TOthers>), typeof(CategoricalRollout<TEnvironment, TState, TObservation, TOthers>)),
        KernelEntryPoint.Implicit($"step_{EntryPointId}", typeof(SingleStepKernels), nameof(SingleStepKernels.Step), typeof(TEnvironment), typeof(TState), typeof(TObservation)),
        KernelEntryPoint.Implicit($"gradient_d{TObservation.Length}_n{TEnvironment.Actions}", typeof(GradientKernel), nameof(GradientKernel.Run), typeof(TObservation), typeof(TOthers),
            typeof(Logits<TOthers>), typeof(ActionSample<TOthers>), typeof(CategoricalSums<TOthers>), typeof(CategoricalGradient<TOthers>)),
        KernelEntryPoint.Forward<TObservation, TOthers>(),
    ];

    private static string EntryPointId => TEnvironment.Id.ToLowerInvariant().Replace('-', '_');

    private EnvironmentKernels<TEnvironment, TState, TObservation, TOthers> Kernels(ComputeDevice device) =>
        device.Kernels.For(k => new EnvironmentKernels<TEnvironment, TState, TObservation, TOthers>(k));

    public override DeviceTransition[] Step(ComputeDevice device, float[][] initial, int[] actions) =>
        SingleStepLaunches.Step(device, Kernels(device).Step, Parameters, DeviceStates.Pack<TState>(Id, initial), actions);

    public override IReferenceEnvironment CreateHostRun() => new HostDiscreteEnvironment<TEnvironment, TState, TObservation>(Parameters);

    public override float[][] Outputs(ComputeDevice device, PolicyParameters policy, float[][] observations)
    {
        var packed = new HiddenUnitGroup<TObservation, TOthers>[HiddenUnitGroups.CountFor(policy.Hidden)];
        Logits<TOthers> bias = PackedPolicy.Pack(policy, packed.AsSpan());
        return [.. SingleStepLaunches.Forward(device, Kernels(device).Forward, packed, bias, observations).Select(l => (float[])[l.First, .. Vectors.ToArray(l.Others)])];
    }
}
