namespace PolicyGradient.Kernels;

/// <summary>What the gradient kernel needs of one recorded step besides the observation.</summary>
internal struct ActionSample<TOthers> : IRecordedStep where TOthers : unmanaged, IVector<TOthers>
{
    public int Action;
    public float Reward;
    /// <summary>pi(1..N-1|s) as sampled (pi(0|s) is 1 minus their sum).</summary>
    public TOthers Probabilities;

    readonly float IRecordedStep.Reward => Reward;
}

/// <summary>What every recorded step holds: the reward the environment paid for it.</summary>
internal interface IRecordedStep
{
    float Reward { get; }
}
