namespace PolicyGradient.Policy;

/// <summary>
/// What evaluation plays: a network scoring an environment's N actions for one observation. pgvec's
/// own float64 forward (<see cref="PolicyParameters"/>) is one; an ONNX model run by ONNX
/// Runtime is another, so the same episode loop checks both.
/// </summary>
internal interface IPolicyNetwork
{
    /// <summary>The actions' logits (log-probabilities up to a shared constant) for <paramref name="observation"/>.</summary>
    void Logits(ReadOnlySpan<float> observation, Span<double> logits);
}
