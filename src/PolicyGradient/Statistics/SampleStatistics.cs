namespace PolicyGradient.Statistics;

/// <summary>Point statistics of a sample, each defined as numpy/scipy define it so results can be checked there.</summary>
internal static class SampleStatistics
{
    /// <summary>numpy.median: the middle value, or the mean of the two middle values of an even sample.</summary>
    public static double Median(IReadOnlyList<double> values) => Percentile(values, 50);

    /// <summary>
    /// The interquartile mean, exactly scipy.stats.trim_mean(x, 0.25): after sorting, int(0.25 * n)
    /// values are cut from each end and the rest averaged (so n &lt; 4 cuts nothing).
    /// </summary>
    public static double InterquartileMean(IReadOnlyList<double> values)
    {
        double[] sorted = Sorted(values);
        int cut = sorted.Length / 4;
        double sum = 0;
        for (int i = cut; i < sorted.Length - cut; i++)
            sum += sorted[i];
        return sum / (sorted.Length - 2 * cut);
    }

    /// <summary>numpy.percentile's default ("linear"): interpolates between the sorted values at rank q/100 * (n - 1).</summary>
    public static double Percentile(IReadOnlyList<double> values, double q) => PercentileOfSorted(Sorted(values), q);

    public static double PercentileOfSorted(IReadOnlyList<double> sorted, double q)
    {
        if (q is < 0 or > 100)
            throw new ArgumentOutOfRangeException(nameof(q), q, "a percentile from 0 to 100");
        double rank = q / 100 * (sorted.Count - 1);
        int below = (int)Math.Floor(rank);
        int above = Math.Min(below + 1, sorted.Count - 1);
        double fraction = rank - below;
        return fraction == 0 ? sorted[below] : sorted[below] + (sorted[above] - sorted[below]) * fraction;
    }

    private static double[] Sorted(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
            throw new ArgumentException("a statistic of no values", nameof(values));
        double[] sorted = [.. values];
        Array.Sort(sorted);
        return sorted;
    }
}
