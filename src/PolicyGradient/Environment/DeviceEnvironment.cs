using System.Runtime.InteropServices;
using ILGPU;
using ILGPU.Runtime;
using PolicyGradient.Batched;
using PolicyGradient.Devices;
using PolicyGradient.Kernels;
using PolicyGradient.Policy;

namespace PolicyGradient.Environment;

/// <summary>One step of the device's float32 environment, as replay, the self-test and the tests read it.</summary>
public sealed record DeviceTransition(float[] State, float Reward, bool Terminated, float[] Observation);

/// <summary>
/// An environment as the engine sees it, whatever its types: its shape, and the batch buffers and
/// kernels compiled for it. <see cref="Of{TEnvironment, TState, TObservation}"/> makes one from an
/// <see cref="IEnvironment{TState, TObservation}"/> struct.
/// </summary>
public abstract class DeviceEnvironment
{
    public abstract string Id { get; }
    public abstract int Observations { get; }
    public abstract int Actions { get; }
    public abstract int MaxEpisodeSteps { get; }
    /// <summary>Draws of an episode's stream its reset uses: action t is drawn at ResetDraws + t.</summary>
    public abstract int ResetDraws { get; }
    /// <summary>float32 values in the device's state.</summary>
    public abstract int StateSize { get; }

    public PolicyLayout Layout(int hidden) => new(Observations, hidden, Actions);

    /// <summary>Device memory per environment, in bytes: its trajectory, statistics and gradient rows.</summary>
    public long BytesPerEnv(int hidden, int maxSteps) =>
        maxSteps * BytesPerStep + (EpisodeStatistics.Width + (long)GradientKernel.Width(Layout(hidden).Count)) * sizeof(double);

    protected abstract long BytesPerStep { get; }

    /// <summary>The trajectories and parameters of <paramref name="agents"/> x <paramref name="envs"/>/agents envs, with this environment's kernels.</summary>
    public abstract TrajectoryBuffers CreateBuffers(ComputeDevice device, int agents, int envs, int hidden, int maxSteps);

    /// <summary>The kernels compiled for this environment, for <see cref="KernelEntryPoints"/>.</summary>
    public abstract IEnumerable<KernelEntryPoint> KernelEntryPoints();

    /// <summary>Steps each (state, action) once with the device's float32 environment.</summary>
    public abstract DeviceTransition[] Step(ComputeDevice device, float[][] states, int[] actions);

    /// <summary>The device network's logits for each observation.</summary>
    public abstract float[][] Logits(ComputeDevice device, PolicyParameters policy, float[][] observations);

    /// <summary>The environment struct the kernels are compiled for.</summary>
    public abstract Type EnvironmentType { get; }

    /// <summary>A fresh host run of the same struct: its methods called directly on the host, in float32 (see <see cref="HostStructEnvironment{TEnvironment, TState, TObservation}"/>).</summary>
    public abstract IReferenceEnvironment CreateHostRun();

    /// <summary>
    /// The entry for an environment struct known only at run time (a user's assembly), boxed:
    /// its types are read from the environment interface it implements.
    /// </summary>
    /// <exception cref="ArgumentException">It is not a struct implementing IDiscreteEnvironment&lt;TState, TObservation&gt;.</exception>
    /// <exception cref="EnvironmentCompileException">It holds a class (a managed array, say), which no kernel can take.</exception>
    public static DeviceEnvironment For(object environment)
    {
        Type type = environment.GetType();
        Type? discrete = type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDiscreteEnvironment<,>));
        if (!type.IsValueType || discrete is null)
            throw new ArgumentException($"{type.FullName} is not a struct implementing IDiscreteEnvironment<TState, TObservation>", nameof(environment));
        // The `unmanaged` constraint binds only at compile time: a struct with a class field passes MakeGenericMethod.
        if (EnvironmentCompileErrors.ManagedField(type) is { } field)
            throw new EnvironmentCompileException(field);
        Type[] types = discrete.GetGenericArguments();
        var of = typeof(DeviceEnvironment).GetMethod(nameof(Of))!.MakeGenericMethod(type, types[0], types[1]);
        try
        {
            return (DeviceEnvironment)of.Invoke(null, [environment])!;
        }
        catch (System.Reflection.TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    /// <summary>The entry for an environment struct; the kernels' action vector is picked from its action count.</summary>
    public static DeviceEnvironment Of<TEnvironment, TState, TObservation>(TEnvironment parameters)
        where TEnvironment : unmanaged, IDiscreteEnvironment<TState, TObservation>
        where TState : unmanaged
        where TObservation : unmanaged, IVector<TObservation>
    {
        if (TEnvironment.Actions < 2)
            throw new ArgumentException($"{TEnvironment.Id} declares {TEnvironment.Actions} actions: a categorical policy needs at least 2");
        Type others = Vectors.TypeOfLength(TEnvironment.Actions - 1);
        Type entry = typeof(DeviceEnvironment<,,,>).MakeGenericType(typeof(TEnvironment), typeof(TState), typeof(TObservation), others);
        return (DeviceEnvironment)Activator.CreateInstance(entry, parameters)!;
    }
}

public sealed class DeviceEnvironment<TEnvironment, TState, TObservation, TOthers> : DeviceEnvironment
    where TEnvironment : unmanaged, IDiscreteEnvironment<TState, TObservation>
    where TState : unmanaged
    where TObservation : unmanaged, IVector<TObservation>
    where TOthers : unmanaged, IVector<TOthers>
{
    public DeviceEnvironment(TEnvironment parameters)
    {
        if (TOthers.Length + 1 != TEnvironment.Actions)
            throw new ArgumentException($"{TEnvironment.Id} has {TEnvironment.Actions} actions, the action vector {TOthers.Length + 1}");
        if (Marshal.SizeOf<TState>() % sizeof(float) != 0)
            throw new ArgumentException($"{TEnvironment.Id}'s state {typeof(TState).Name} must hold float32 values only");
        Parameters = parameters;
    }

    public TEnvironment Parameters { get; }
    public override string Id => TEnvironment.Id;
    public override int Observations => TObservation.Length;
    public override int Actions => TEnvironment.Actions;
    public override int MaxEpisodeSteps => TEnvironment.MaxEpisodeSteps;
    public override int ResetDraws => TEnvironment.ResetDraws;
    public override int StateSize => Marshal.SizeOf<TState>() / sizeof(float);
    public override Type EnvironmentType => typeof(TEnvironment);
    protected override long BytesPerStep => TrajectoryBuffers<TEnvironment, TState, TObservation, TOthers>.BytesPerStep;

    public override TrajectoryBuffers CreateBuffers(ComputeDevice device, int agents, int envs, int hidden, int maxSteps) =>
        new TrajectoryBuffers<TEnvironment, TState, TObservation, TOthers>(device, Parameters, agents, envs, hidden, maxSteps);

    public override IEnumerable<KernelEntryPoint> KernelEntryPoints()
    {
        string id = Id.ToLowerInvariant().Replace('-', '_');
        string shape = $"d{Observations}_n{Actions}";
        yield return KernelEntryPoint.Implicit($"rollout_{id}", typeof(RolloutKernel), nameof(RolloutKernel.Run), typeof(TEnvironment), typeof(TState), typeof(TObservation), typeof(TOthers));
        yield return KernelEntryPoint.Implicit($"step_{id}", typeof(SingleStepKernels), nameof(SingleStepKernels.Step), typeof(TEnvironment), typeof(TState), typeof(TObservation));
        yield return KernelEntryPoint.Implicit($"gradient_{shape}", typeof(GradientKernel), nameof(GradientKernel.Run), typeof(TObservation), typeof(TOthers));
        yield return KernelEntryPoint.Implicit($"forward_{shape}", typeof(SingleStepKernels), nameof(SingleStepKernels.Forward), typeof(TObservation), typeof(TOthers));
    }

    private EnvironmentKernels<TEnvironment, TState, TObservation, TOthers> Kernels(ComputeDevice device) =>
        device.Kernels.For(k => new EnvironmentKernels<TEnvironment, TState, TObservation, TOthers>(k));

    public override DeviceTransition[] Step(ComputeDevice device, float[][] initial, int[] actions)
    {
        TState[] packed = [.. initial.Select(State)];
        using var s = device.Accelerator.Allocate1D(packed);
        using var a = device.Accelerator.Allocate1D(actions);
        using var next = device.Accelerator.Allocate1D<TState>(actions.Length);
        using var observations = device.Accelerator.Allocate1D<TObservation>(actions.Length);
        using var rewards = device.Accelerator.Allocate1D<float>(actions.Length);
        using var terminated = device.Accelerator.Allocate1D<int>(actions.Length);
        Kernels(device).Step(actions.Length, Parameters, s.View, a.View, next.View, observations.View, rewards.View, terminated.View);
        TState[] states = next.GetAsArray1D();
        TObservation[] observed = observations.GetAsArray1D();
        float[] paid = rewards.GetAsArray1D();
        int[] ended = terminated.GetAsArray1D();
        return [.. states.Select((state, i) => new DeviceTransition(
            MemoryMarshal.Cast<TState, float>([state]).ToArray(), paid[i], ended[i] != 0, Vectors.ToArray(observed[i])))];
    }

    public override float[][] Logits(ComputeDevice device, PolicyParameters policy, float[][] observations)
    {
        var packed = new HiddenUnitGroup<TObservation, TOthers>[HiddenUnitGroups.CountFor(policy.Hidden)];
        Logits<TOthers> bias = PackedPolicy.Pack(policy, packed.AsSpan());
        using var groups = device.Accelerator.Allocate1D(packed);
        using var s = device.Accelerator.Allocate1D([.. observations.Select(o => Vectors.FromArray<TObservation>(o))]);
        using var logits = device.Accelerator.Allocate1D<Logits<TOthers>>(observations.Length);
        Kernels(device).Forward(observations.Length, groups.View.As2DDenseXView(new LongIndex2D(packed.Length, 1)), bias, s.View, logits.View);
        return [.. logits.GetAsArray1D().Select(l => (float[])[l.First, .. Vectors.ToArray(l.Others)])];
    }

    public override IReferenceEnvironment CreateHostRun() => new HostStructEnvironment<TEnvironment, TState, TObservation>(Parameters);

    private TState State(float[] values)
    {
        if (values.Length != StateSize)
            throw new ArgumentException($"a {Id} state has {StateSize} numbers, got {values.Length}", nameof(values));
        return MemoryMarshal.Cast<float, TState>(values)[0];
    }
}
