using System.Runtime.InteropServices;
using PolicyGradient.Kernels;

namespace PolicyGradient.Environment;

/// <summary>
/// An environment struct played on the host: its own Reset, Step and Observe called directly in
/// C#, in float32 as on the device, with TimeLimit's truncation at its MaxEpisodeSteps. What the
/// host plays for an environment without a float64 reference (one from --env-assembly): eval,
/// replay --engine host, the greedy evaluation of a run, and check-env's host run.
/// </summary>
public sealed class HostStructEnvironment<TEnvironment, TState, TObservation>(TEnvironment environment) : IReferenceEnvironment
    where TEnvironment : unmanaged, IDiscreteEnvironment<TState, TObservation>
    where TState : unmanaged
    where TObservation : unmanaged, IVector<TObservation>
{
    private readonly TimeLimit _timeLimit = new(TEnvironment.MaxEpisodeSteps);
    private readonly double[] _widened = new double[Marshal.SizeOf<TState>() / sizeof(float)];
    private TState _state;

    public string Id => TEnvironment.Id;

    public int ElapsedSteps => _timeLimit.ElapsedSteps;

    /// <summary>The float32 state's values, each widened exactly to double.</summary>
    public ReadOnlySpan<double> State
    {
        get
        {
            ReadOnlySpan<float> values = StateValues;
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

    public StepResult Step(int action)
    {
        Transition<TState> transition = environment.Step(_state, action);
        _state = transition.State;
        bool truncated = _timeLimit.Count();
        return new StepResult(Observation(), transition.Reward, transition.Terminated, truncated);
    }

    public StepResult Step(ReadOnlySpan<float> action) =>
        throw new InvalidOperationException($"{Id} has discrete actions 0 to {TEnvironment.Actions - 1}: step it with an action index");

    private ReadOnlySpan<float> StateValues => MemoryMarshal.Cast<TState, float>(MemoryMarshal.CreateReadOnlySpan(ref _state, 1));

    private float[] Observation() => Vectors.ToArray(environment.Observe(_state));
}
