namespace PolicyGradient.Environment;

/// <summary>
/// What every Gymnasium-exact host environment shares: its id, its state (as Gymnasium holds it,
/// widened to double) and TimeLimit. An environment adds its reset draw, its step and its
/// observation of a state set by <see cref="ResetTo"/>.
/// </summary>
internal abstract class GymnasiumEnvironment : IReferenceEnvironment
{
    private readonly double[] _state;
    private readonly TimeLimit _timeLimit;

    protected GymnasiumEnvironment(string id, int stateSize, int maxEpisodeSteps)
    {
        Id = id;
        _state = new double[stateSize];
        _timeLimit = new TimeLimit(maxEpisodeSteps);
    }

    public string Id { get; }

    public int ElapsedSteps => _timeLimit.ElapsedSteps;

    public ReadOnlySpan<double> State => _state;

    public float[] ResetTo(ReadOnlySpan<double> state)
    {
        if (state.Length != _state.Length)
            throw new ArgumentException($"{Id} has a state of {_state.Length} numbers, got {state.Length}", nameof(state));
        state.CopyTo(_state);
        _timeLimit.Reset();
        return ObserveReset();
    }

    public abstract float[] Reset(ulong streamKey);

    public abstract StepResult Step(int action);

    public abstract StepResult Step(ReadOnlySpan<float> action);

    /// <summary>The state a step reads and replaces.</summary>
    protected Span<double> WritableState => _state;

    /// <summary>The observation Gymnasium gives right after its state was set by ResetTo.</summary>
    protected abstract float[] ObserveReset();

    /// <summary>Counts a step against TimeLimit; returns whether it truncates.</summary>
    protected bool CountStep() => _timeLimit.Count();
}
