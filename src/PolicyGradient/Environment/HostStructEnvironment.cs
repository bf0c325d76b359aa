using System.Runtime.InteropServices;
using PolicyGradient.Kernels;

namespace PolicyGradient.Environment;

/// <summary>
/// An environment struct played on the host: its own Reset, Step and Observe called directly in
/// C#, in float32 as on the device, with TimeLimit's truncation at its MaxEpisodeSteps. What the
/// host plays for an environment without a float64 reference (one from --env-assembly): eval,
/// replay --engine host, the greedy evaluation of a run, and check-env's host run.
/// </summary>
internal abstract class HostStructEnvironment<TEnvironment, TState, TObservation>(TEnvironment environment) : IReferenceEnvironment
    where TEnvironment : unmanaged, IEnvironment<TState, TObservation>
    where TState : unmanaged
    where TObservation : unmanaged, IVector<TObservation>
{
    private readonly TimeLimit _timeLimit = new(TEnvironment.MaxEpisodeSteps);
    private readonly double[] _widened = new double[DeviceStates.Size<TState>()];
    private TState _state;

    protected TEnvironment Environment => environment;

    public string Id => TEnvironment.Id;

    public int ElapsedSteps => _timeLimit.ElapsedSteps;

    /// <summary>The float32 state's values, each widened exactly to double.</summary>
    public ReadOnlySpan<double> State
    {
        get
        {
            ReadOnlySpan<float> values = MemoryMarshal.Cast<TState, float>(MemoryMarshal.CreateReadOnlySpan(ref _state, 1));
            for (int i = 0; i < values.Length; i++)
                _widened[i] = values[i];
            return _widened;
        }
    }

    /// <summary>The state set to these values, each rounded to float32.</summary>
    public float[] ResetTo(ReadOnlySpan<double> state)
    {
        if (state.Length != _widened.Length)
            throw new ArgumentException($"{Id} has a state of {_widened.Length} numbers, got {state.Length}", nameof(state));
        Span<float> values = MemoryMarshal.Cast<TState, float>(MemoryMarshal.CreateSpan(ref _state, 1));
        for (int i = 0; i < values.Length; i++)
            values[i] = (float)state[i];
        _timeLimit.Reset();
        return Observation();
    }

    public float[] Reset(ulong streamKey)
    {
        _state = environment.Reset(streamKey);
        _timeLimit.Reset();
        return Observation();
    }

    public abstract StepResult Step(int action);

    public abstract StepResult Step(ReadOnlySpan<float> action);

    /// <summary>The state the next step starts from.</summary>
    protected TState Current => _state;

    /// <summary>Takes a step's transition: its state becomes the current one, and TimeLimit counts it.</summary>
    protected StepResult Take(Transition<TState> transition)
    {
        _state = transition.State;
        bool truncated = _timeLimit.Count();
        return new StepResult(Observation(), transition.Reward, transition.Terminated, truncated);
    }

    private float[] Observation() => Vectors.ToArray(environment.Observe(_state));
}

/// <summary>A discrete environment struct on the host.</summary>
internal sealed class HostDiscreteEnvironment<TEnvironment, TState, TObservation>(TEnvironment environment)
    : HostStructEnvironment<TEnvironment, TState, TObservation>(environment)
    where TEnvironment : unmanaged, IDiscreteEnvironment<TState, TObservation>
    where TState : unmanaged
    where TObservation : unmanaged, IVector<TObservation>
{
    public override StepResult Step(int action) => Take(Environment.Step(Current, action));

    public override StepResult Step(ReadOnlySpan<float> action) => throw ActionKindMismatch.VectorGivenToDiscrete(Id);
}

/// <summary>A continuous environment struct on the host: the action as given, which the struct clips as it declares.</summary>
internal sealed class HostContinuousEnvironment<TEnvironment, TState, TObservation, TAction>(TEnvironment environment)
    : HostStructEnvironment<TEnvironment, TState, TObservation>(environment)
    where TEnvironment : unmanaged, IContinuousEnvironment<TState, TObservation, TAction>
    where TState : unmanaged
    where TObservation : unmanaged, IVector<TObservation>
    where TAction : unmanaged, IVector<TAction>
{
    public override StepResult Step(int action) => throw ActionKindMismatch.IntGivenToBox(Id);

    public override StepResult Step(ReadOnlySpan<float> action) => Take(Environment.Step(Current, Vectors.FromArray<TAction>(action)));
}
