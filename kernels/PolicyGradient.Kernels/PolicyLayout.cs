namespace PolicyGradient.Kernels;

/// <summary>
/// Where each tensor of the 4-H-2 policy lives in the flat parameter vector, in PyTorch
/// state_dict order: fc1.weight [H][4], fc1.bias [H], fc2.weight [2][H], fc2.bias [2].
/// </summary>
public readonly struct PolicyLayout
{
    public const int Inputs = 4;
    public const int Actions = 2;

    public readonly int Hidden;

    public PolicyLayout(int hidden) => Hidden = hidden;

    public int Fc1Weight => 0;
    public int Fc1Bias => Inputs * Hidden;
    public int Fc2Weight => Fc1Bias + Hidden;
    public int Fc2Bias => Fc2Weight + Actions * Hidden;
    public int Count => Fc2Bias + Actions;

    public static int CountFor(int hidden) => new PolicyLayout(hidden).Count;
}
