using PolicyGradient.Kernels;

namespace PolicyGradient.Policy;

/// <summary>
/// What evaluation plays: a network scoring an environment's actions for one observation. pgvec's
/// own float64 forward (<see cref="PolicyParameters"/>) is one; an ONNX model run by ONNX
/// Runtime is another, so the same episode loop checks both.
/// </summary>
internal interface IPolicyNetwork
{
    /// <summary>Categorical (the outputs are logits) or Gaussian (the outputs are means, with <see cref="LogStd"/>).</summary>
    PolicyHead Head { get; }

    /// <summary>The network's outputs for <paramref name="observation"/>: the N actions' logits (log-probabilities up to a shared constant), or a Gaussian policy's A means.</summary>
    void Logits(ReadOnlySpan<float> observation, Span<double> logits);

    /// <summary>A Gaussian policy's log_std, one per action dimension (a categorical one has none and throws).</summary>
    void LogStd(Span<double> logStd);
}
