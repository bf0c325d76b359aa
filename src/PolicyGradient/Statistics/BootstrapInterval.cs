namespace PolicyGradient.Statistics;

/// <summary>A statistic's point estimate and its confidence interval.</summary>
internal sealed record Estimate(double Value, double Low, double High);

/// <summary>
/// The percentile bootstrap: draw <see cref="Resamples"/> samples of size n from the n values
/// with replacement (indices from <c>new System.Random(seed).Next(n)</c>, resample after
/// resample, index after index), compute the statistic on each, and take the 2.5th and 97.5th
/// percentiles of those statistics (numpy's linear percentile) as the 95 % interval. The fixed
/// seed makes the interval a function of the values alone: the same sweep gives the same bits.
/// </summary>
internal static class BootstrapInterval
{
    public const int Resamples = 10_000;
    public const int DefaultSeed = 20_261_123;
    public const double Confidence = 0.95;

    public static Estimate Of(IReadOnlyList<double> values, Func<IReadOnlyList<double>, double> statistic,
        int seed = DefaultSeed, int resamples = Resamples)
    {
        if (values.Count == 0)
            throw new ArgumentException("an interval of no values", nameof(values));
        var random = new Random(seed);
        var estimates = new double[resamples];
        var sample = new double[values.Count];
        for (int r = 0; r < resamples; r++)
        {
            for (int i = 0; i < sample.Length; i++)
                sample[i] = values[random.Next(values.Count)];
            estimates[r] = statistic(sample);
        }
        Array.Sort(estimates);
        double tail = (1 - Confidence) / 2 * 100;
        return new Estimate(statistic(values),
            SampleStatistics.PercentileOfSorted(estimates, tail),
            SampleStatistics.PercentileOfSorted(estimates, 100 - tail));
    }
}
