namespace PolicyGradient.Kernels;

/// <summary>
/// The bounds an environment declares for its observations, as Gymnasium's Box(low, high) does
/// (float.MaxValue where a component is unbounded). Optional: `pgvec check-env` checks every
/// observation it sees lies within them where an environment implements this, and says it
/// declares none otherwise. Read on the host only, never in a kernel.
/// </summary>
/// <typeparam name="TObservation">The environment's observation, one of <see cref="Vectors"/>' shapes.</typeparam>
public interface IObservationBounds<TObservation> where TObservation : unmanaged, IVector<TObservation>
{
    /// <summary>Each observation component's lower bound (-float.MaxValue where it has none).</summary>
    static abstract TObservation ObservationLow { get; }

    /// <summary>Each observation component's upper bound (float.MaxValue where it has none).</summary>
    static abstract TObservation ObservationHigh { get; }
}
