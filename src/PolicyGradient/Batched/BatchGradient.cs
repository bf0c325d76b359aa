namespace PolicyGradient.Batched;

/// <summary>What the gradient pass hands back: the loss gradient, the loss, and the summed policy entropy.</summary>
/// <param name="EntropySum">sum over every step of the policy's entropy; divide by the steps for the mean.</param>
public sealed record BatchGradient(double[] Gradient, double Loss, double EntropySum)
{
    public double Norm => Math.Sqrt(Gradient.Sum(g => g * g));
}
