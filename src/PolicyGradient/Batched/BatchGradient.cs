using PolicyGradient.Kernels;

namespace PolicyGradient.Batched;

/// <summary>One agent's reduced gradient row: the loss gradient, the loss, and the summed policy entropy (a view of the batch's host buffer).</summary>
internal readonly ref struct BatchGradient
{
    private readonly ReadOnlySpan<double> _row;

    public BatchGradient(ReadOnlySpan<double> row, int parameterCount)
    {
        if (row.Length != GradientKernel.Width(parameterCount))
            throw new ArgumentException($"expected {GradientKernel.Width(parameterCount)} values, got {row.Length}", nameof(row));
        _row = row;
        Gradient = row[..parameterCount];
    }

    public ReadOnlySpan<double> Gradient { get; }
    public double Loss => _row[GradientKernel.LossColumn(Gradient.Length)];
    /// <summary>sum over every step of the policy's entropy; divide by the steps for the mean.</summary>
    public double EntropySum => _row[GradientKernel.EntropyColumn(Gradient.Length)];

    public double Norm
    {
        get
        {
            double sum = 0.0;
            foreach (double g in Gradient)
                sum += g * g;
            return Math.Sqrt(sum);
        }
    }
}
