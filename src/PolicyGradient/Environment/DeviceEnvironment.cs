using System.Reflection;
using PolicyGradient.Batched;
using PolicyGradient.Devices;
using PolicyGradient.Kernels;
using PolicyGradient.Policy;

namespace PolicyGradient.Environment;

/// <summary>One action per state for <see cref="DeviceEnvironment.Step(ComputeDevice, float[][], StepActions)"/>: discrete, or Box vectors.</summary>
internal sealed record StepActions(int[]? Discrete, float[][]? Box);

/// <summary>One step of the device's float32 environment, as replay, the self-test and the tests read it.</summary>
internal sealed record DeviceTransition(float[] State, float Reward, bool Terminated, float[] Observation);

/// <summary>
/// An environment as the engine sees it, whatever its types: its shape, the policy head its
/// actions take, and the batch buffers and kernels compiled for it.
/// <see cref="Of{TEnvironment, TState, TObservation}"/> makes one from an
/// <see cref="IDiscreteEnvironment{TState, TObservation}"/> struct,
/// <see cref="OfContinuous{TEnvironment, TState, TObservation, TAction}"/> from an
/// <see cref="IContinuousEnvironment{TState, TObservation, TAction}"/> one.
/// </summary>
internal abstract class DeviceEnvironment
{
    public abstract string Id { get; }
    public abstract int Observations { get; }
    /// <summary>Discrete actions, or a Box's dimensions.</summary>
    public abstract int Actions { get; }
    /// <summary>Categorical for discrete actions, Gaussian for a Box.</summary>
    public abstract PolicyHead Head { get; }
    public abstract ActionSpace ActionSpace { get; }
    public abstract int MaxEpisodeSteps { get; }
    /// <summary>Draws of an episode's stream its reset uses: the policy's draws for action t follow them.</summary>
    public abstract int ResetDraws { get; }
    /// <summary>float32 values in the device's state.</summary>
    public abstract int StateSize { get; }

    public PolicyLayout Layout(int hidden) => new(Observations, hidden, Actions, Head);

    /// <summary>Device memory per environment, in bytes: its trajectory, statistics and gradient rows.</summary>
    public long BytesPerEnv(int hidden, int maxSteps) =>
        maxSteps * BytesPerStep + (EpisodeStatistics.Width + (long)GradientKernel.Width(Layout(hidden).Count)) * sizeof(double);

    protected abstract long BytesPerStep { get; }

    /// <summary>The trajectories and parameters of <paramref name="agents"/> x <paramref name="envs"/>/agents envs, with this environment's kernels.</summary>
    public abstract TrajectoryBuffers CreateBuffers(ComputeDevice device, int agents, int envs, int hidden, int maxSteps);

    /// <summary>The kernels compiled for this environment, for <see cref="KernelEntryPoints"/>.</summary>
    public abstract IEnumerable<KernelEntryPoint> KernelEntryPoints();

    /// <summary>Steps each (state, discrete action) once with the device's float32 environment.</summary>
    /// <exception cref="InvalidOperationException">The environment's actions are a Box.</exception>
    public virtual DeviceTransition[] Step(ComputeDevice device, float[][] states, int[] actions) => throw ActionKindMismatch.IntGivenToBox(Id);

    /// <summary>Steps each (state, Box action) once with the device's float32 environment, which clips the action as Gymnasium does.</summary>
    /// <exception cref="InvalidOperationException">The environment's actions are discrete.</exception>
    public virtual DeviceTransition[] Step(ComputeDevice device, float[][] states, float[][] actions) => throw ActionKindMismatch.VectorGivenToDiscrete(Id);

    /// <summary>Steps each (state, action) once, whichever kind <paramref name="actions"/> holds.</summary>
    public DeviceTransition[] Step(ComputeDevice device, float[][] states, StepActions actions) =>
        actions.Box is { } box ? Step(device, states, box) : Step(device, states, actions.Discrete!);

    /// <summary>The device network's outputs for each observation: logits (categorical) or means (Gaussian).</summary>
    public abstract float[][] Outputs(ComputeDevice device, PolicyParameters policy, float[][] observations);

    /// <summary>The environment struct the kernels are compiled for.</summary>
    public abstract Type EnvironmentType { get; }

    /// <summary>A fresh host run of the same struct: its methods called directly on the host, in float32 (see <see cref="HostStructEnvironment{TEnvironment, TState, TObservation}"/>).</summary>
    public abstract IReferenceEnvironment CreateHostRun();

    /// <summary>
    /// The entry for an environment struct known only at run time (a user's assembly), boxed:
    /// its types are read from the environment interface it implements.
    /// </summary>
    /// <exception cref="ArgumentException">It is not a struct implementing IDiscreteEnvironment or IContinuousEnvironment.</exception>
    /// <exception cref="EnvironmentCompileException">It holds a class (a managed array, say), which no kernel can take.</exception>
    public static DeviceEnvironment For(object environment)
    {
        Type type = environment.GetType();
        Type? discrete = Implemented(type, typeof(IDiscreteEnvironment<,>));
        Type? continuous = Implemented(type, typeof(IContinuousEnvironment<,,>));
        if (!type.IsValueType || (discrete is null && continuous is null))
            throw new ArgumentException($"{type.FullName} is not a struct implementing IDiscreteEnvironment<TState, TObservation> or IContinuousEnvironment<TState, TObservation, TAction>", nameof(environment));
        // The `unmanaged` constraint binds only at compile time: a struct with a class field passes MakeGenericMethod.
        if (EnvironmentCompileErrors.ManagedField(type) is { } field)
            throw new EnvironmentCompileException(field);
        MethodInfo of = discrete is not null
            ? typeof(DeviceEnvironment).GetMethod(nameof(Of))!.MakeGenericMethod([type, .. discrete.GetGenericArguments()])
            : typeof(DeviceEnvironment).GetMethod(nameof(OfContinuous))!.MakeGenericMethod([type, .. continuous!.GetGenericArguments()]);
        try
        {
            return (DeviceEnvironment)of.Invoke(null, [environment])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    private static Type? Implemented(Type type, Type definition) =>
        type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition);

    /// <summary>The entry for a discrete environment struct; the kernels' action vector is picked from its action count.</summary>
    public static DeviceEnvironment Of<TEnvironment, TState, TObservation>(TEnvironment parameters)
        where TEnvironment : unmanaged, IDiscreteEnvironment<TState, TObservation>
        where TState : unmanaged
        where TObservation : unmanaged, IVector<TObservation>
    {
        if (TEnvironment.Actions < 2)
            throw new ArgumentException($"{TEnvironment.Id} declares {TEnvironment.Actions} actions: a categorical policy needs at least 2");
        Type others = Vectors.TypeOfLength(TEnvironment.Actions - 1);
        Type entry = typeof(DiscreteDeviceEnvironment<,,,>).MakeGenericType(typeof(TEnvironment), typeof(TState), typeof(TObservation), others);
        try
        {
            return (DeviceEnvironment)Activator.CreateInstance(entry, parameters)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    /// <summary>The entry for a continuous environment struct: a Gaussian policy over its Box.</summary>
    public static DeviceEnvironment OfContinuous<TEnvironment, TState, TObservation, TAction>(TEnvironment parameters)
        where TEnvironment : unmanaged, IContinuousEnvironment<TState, TObservation, TAction>
        where TState : unmanaged
        where TObservation : unmanaged, IVector<TObservation>
        where TAction : unmanaged, IVector<TAction> =>
        new ContinuousDeviceEnvironment<TEnvironment, TState, TObservation, TAction>(parameters);
}
