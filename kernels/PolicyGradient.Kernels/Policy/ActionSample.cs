namespace PolicyGradient.Kernels;

/// <summary>What the gradient kernel needs of one recorded step besides the observation.</summary>
public struct ActionSample<TOthers> where TOthers : unmanaged, IVector<TOthers>
{
    public int Action;
    public float Reward;
    /// <summary>pi(1..N-1|s) as sampled (pi(0|s) is 1 minus their sum).</summary>
    public TOthers Probabilities;
}
