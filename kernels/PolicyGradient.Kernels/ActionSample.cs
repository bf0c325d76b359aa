namespace PolicyGradient.Kernels;

/// <summary>The policy's side of one recorded step: what the gradient kernel needs besides the observation.</summary>
public struct ActionSample
{
    public float Action;
    /// <summary>pi(1|s) as sampled; d log pi(a|s) / d (logit1 - logit0) = a - pi(1|s).</summary>
    public float ProbabilityOfAction1;
}
