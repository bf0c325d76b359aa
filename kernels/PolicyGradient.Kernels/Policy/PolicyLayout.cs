namespace PolicyGradient.Kernels;

/// <summary>The policy's output distribution: what the network's outputs mean.</summary>
public enum PolicyHead
{
    /// <summary>Softmax over N discrete actions: the outputs are logits.</summary>
    Categorical,
    /// <summary>Diagonal Gaussian over an A-dimensional Box: the outputs are means, with a state-independent log_std.</summary>
    Gaussian,
}

/// <summary>
/// Where each tensor of the D-H-N policy lives in the flat parameter vector, in PyTorch
/// state_dict order: fc1.weight [H][D], fc1.bias [H], fc2.weight [N][H], fc2.bias [N], and for a
/// Gaussian head log_std [N] (N = action dimensions), as a module registering it after fc2 holds it.
/// </summary>
public readonly record struct PolicyLayout(int Inputs, int Hidden, int Actions, PolicyHead Head = PolicyHead.Categorical)
{
    /// <summary>fc1.weight's first value: it starts the vector.</summary>
    public int Fc1Weight => 0;
    /// <summary>fc1.bias's first value.</summary>
    public int Fc1Bias => Inputs * Hidden;
    /// <summary>fc2.weight's first value.</summary>
    public int Fc2Weight => Fc1Bias + Hidden;
    /// <summary>fc2.bias's first value.</summary>
    public int Fc2Bias => Fc2Weight + Actions * Hidden;
    /// <summary>log_std's first value: where a Gaussian head keeps it (a categorical one has none).</summary>
    public int LogStd => Fc2Bias + Actions;
    /// <summary>The parameters in all.</summary>
    public int Count => LogStd + (Head == PolicyHead.Gaussian ? Actions : 0);

    /// <summary>The shape as PyTorch users write it, e.g. 4-32-2 (a Gaussian head: 3-32-1 gaussian).</summary>
    public override string ToString() => Head == PolicyHead.Gaussian ? $"{Inputs}-{Hidden}-{Actions} gaussian" : $"{Inputs}-{Hidden}-{Actions}";
}
