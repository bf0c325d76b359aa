namespace PolicyGradient.Kernels;

/// <summary>
/// The bounds an environment declares for its observations, as Gymnasium's Box(low, high) does
/// (float.MaxValue where a component is unbounded). Optional: `pgvec check-env` checks every
/// observation it sees lies within them where an environment implements this, and says it
/// declares none otherwise. Read on the host only, never in a kernel.
/// </summary>
public interface IObservationBounds<TObservation> where TObservation : unmanaged, IVector<TObservation>
{
    static abstract TObservation ObservationLow { get; }

    static abstract TObservation ObservationHigh { get; }
}
