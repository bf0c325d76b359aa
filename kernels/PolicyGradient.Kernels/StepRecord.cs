namespace PolicyGradient.Kernels;

/// <summary>One step of a recorded episode: what the gradient kernel needs to recompute grad log pi.</summary>
public struct StepRecord
{
    public CartPoleState Observation;
    public float Action;
    /// <summary>pi(1|s) as sampled; d log pi(a|s) / d (logit1 - logit0) = a - pi(1|s).</summary>
    public float ProbabilityOfAction1;
}
