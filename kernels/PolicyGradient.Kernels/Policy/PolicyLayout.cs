namespace PolicyGradient.Kernels;

/// <summary>
/// Where each tensor of the D-H-N policy lives in the flat parameter vector, in PyTorch
/// state_dict order: fc1.weight [H][D], fc1.bias [H], fc2.weight [N][H], fc2.bias [N].
/// </summary>
public readonly record struct PolicyLayout(int Inputs, int Hidden, int Actions)
{
    public int Fc1Weight => 0;
    public int Fc1Bias => Inputs * Hidden;
    public int Fc2Weight => Fc1Bias + Hidden;
    public int Fc2Bias => Fc2Weight + Actions * Hidden;
    public int Count => Fc2Bias + Actions;

    /// <summary>The shape as PyTorch users write it, e.g. 4-32-2.</summary>
    public override string ToString() => $"{Inputs}-{Hidden}-{Actions}";
}
