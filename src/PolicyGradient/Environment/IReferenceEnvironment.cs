namespace PolicyGradient.Environment;

/// <summary>
/// An environment as the host plays it, as gymnasium.make(id) gives it (the env inside TimeLimit):
/// for a built-in, in float64 and equal to Gymnasium bit for bit, the reference a device
/// environment is measured against; for a user's environment, its own struct called on the host
/// (<see cref="HostStructEnvironment{TEnvironment, TState, TObservation}"/>).
/// </summary>
internal interface IReferenceEnvironment
{
    /// <summary>Gymnasium's id, e.g. "Acrobot-v1".</summary>
    string Id { get; }

    /// <summary>TimeLimit's count of steps since the last reset.</summary>
    int ElapsedSteps { get; }

    /// <summary>env.unwrapped.state as Gymnasium holds it, each value widened exactly to double.</summary>
    ReadOnlySpan<double> State { get; }

    /// <summary>Gymnasium: env.reset(); env.unwrapped.state = state. Returns the observation Gymnasium would give for that state.</summary>
    float[] ResetTo(ReadOnlySpan<double> state);

    /// <summary>
    /// pgvec's own reset: draws CounterRandom.UniformDouble(streamKey, i), i = 0, 1, ..., mapped onto
    /// Gymnasium's reset distribution and stored with Gymnasium's dtype.
    /// </summary>
    float[] Reset(ulong streamKey);

    /// <summary>One step with a discrete action; continuous environments throw InvalidOperationException.</summary>
    StepResult Step(int action);

    /// <summary>One step with a Box action, clipped as Gymnasium clips it; discrete environments throw InvalidOperationException.</summary>
    StepResult Step(ReadOnlySpan<float> action);
}
