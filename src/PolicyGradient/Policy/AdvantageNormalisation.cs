namespace PolicyGradient.Policy;

/// <summary>
/// The batch statistics REINFORCE's weights use: w_t = (G_t - baseline) / scale, where the
/// baseline is the mean reward-to-go and the scale its standard deviation (Bessel-corrected,
/// as torch.std) plus a small epsilon, over every step of the batch.
/// </summary>
internal readonly record struct AdvantageNormalisation(double Baseline, double Scale)
{
    public const double Epsilon = 1e-8;

    public static AdvantageNormalisation FromMoments(long count, double sum, double sumOfSquares, bool subtractBaseline, bool normalise)
    {
        double mean = sum / count;
        double baseline = subtractBaseline ? mean : 0.0;
        if (!normalise)
            return new AdvantageNormalisation(baseline, 1.0);
        double variance = count > 1 ? Math.Max(0.0, (sumOfSquares - count * mean * mean) / (count - 1)) : 0.0;
        return new AdvantageNormalisation(baseline, Math.Sqrt(variance) + Epsilon);
    }

    /// <summary>The host reference: weights for every step of every episode from their returns-to-go.</summary>
    public static List<double[]> Weights(IReadOnlyList<double[]> returnsToGo, bool subtractBaseline, bool normalise)
    {
        long count = 0;
        double sum = 0.0, sumOfSquares = 0.0;
        foreach (var g in returnsToGo)
        {
            count += g.Length;
            foreach (double v in g)
            {
                sum += v;
                sumOfSquares += v * v;
            }
        }
        var n = FromMoments(count, sum, sumOfSquares, subtractBaseline, normalise);
        return returnsToGo.Select(g => g.Select(v => (v - n.Baseline) / n.Scale).ToArray()).ToList();
    }
}
