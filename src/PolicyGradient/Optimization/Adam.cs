namespace PolicyGradient.Optimization;

/// <summary>
/// torch.optim.Adam (no weight decay, no amsgrad) in float64: bias-corrected moments and eps
/// added outside the square root, p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps).
/// </summary>
internal sealed class Adam
{
    public Adam(int parameterCount, double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        LearningRate = learningRate;
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        FirstMoment = new double[parameterCount];
        SecondMoment = new double[parameterCount];
    }

    public double LearningRate { get; }
    public double Beta1 { get; }
    public double Beta2 { get; }
    public double Epsilon { get; }
    public double[] FirstMoment { get; }
    public double[] SecondMoment { get; }
    public long Steps { get; private set; }

    /// <summary>Puts back the moments and step count of an Adam saved mid-run (a resumed checkpoint).</summary>
    public void Restore(ReadOnlySpan<double> firstMoment, ReadOnlySpan<double> secondMoment, long steps)
    {
        if (firstMoment.Length != FirstMoment.Length || secondMoment.Length != SecondMoment.Length)
            throw new ArgumentException($"Adam was made for {FirstMoment.Length} parameters");
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        firstMoment.CopyTo(FirstMoment);
        secondMoment.CopyTo(SecondMoment);
        Steps = steps;
    }

    public void Step(Span<double> parameters, ReadOnlySpan<double> grad)
    {
        if (parameters.Length != FirstMoment.Length || grad.Length != FirstMoment.Length)
            throw new ArgumentException($"Adam was made for {FirstMoment.Length} parameters");
        Steps++;
        double biasCorrection1 = 1.0 - Math.Pow(Beta1, Steps);
        double biasCorrection2Sqrt = Math.Sqrt(1.0 - Math.Pow(Beta2, Steps));
        double stepSize = LearningRate / biasCorrection1;
        for (int k = 0; k < parameters.Length; k++)
        {
            double g = grad[k];
            FirstMoment[k] = Beta1 * FirstMoment[k] + (1.0 - Beta1) * g;
            SecondMoment[k] = Beta2 * SecondMoment[k] + (1.0 - Beta2) * g * g;
            double denominator = Math.Sqrt(SecondMoment[k]) / biasCorrection2Sqrt + Epsilon;
            parameters[k] -= stepSize * FirstMoment[k] / denominator;
        }
    }
}
