using PolicyGradient.Statistics;

namespace PolicyGradient.Tests.Statistics;

public class BootstrapIntervalTests
{
    private static readonly double[] Iterations = [12, 9, 30, 14, 11, 30, 17, 10, 13, 22];

    /// <summary>The method written out as plainly as possible, sharing nothing with the code under test but the generator.</summary>
    private static (double Low, double High) PlainBootstrap(double[] values, Func<double[], double> statistic, int seed, int resamples)
    {
        var random = new Random(seed);
        var estimates = new List<double>();
        for (int r = 0; r < resamples; r++)
        {
            var sample = new double[values.Length];
            for (int i = 0; i < values.Length; i++)
                sample[i] = values[random.Next(values.Length)];
            estimates.Add(statistic(sample));
        }
        estimates.Sort();
        double At(double q)
        {
            double rank = q * (resamples - 1);
            int below = (int)rank;
            return below + 1 < resamples ? estimates[below] + (rank - below) * (estimates[below + 1] - estimates[below]) : estimates[below];
        }
        return (At(0.025), At(0.975));
    }

    private static double PlainMedian(double[] x)
    {
        var s = x.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }

    private static double PlainTrimMean(double[] x)
    {
        var s = x.Order().ToArray();
        int cut = (int)(0.25 * s.Length);
        return s.Skip(cut).Take(s.Length - 2 * cut).Average();
    }

    [Theory]
    [InlineData(7, 2000)]
    [InlineData(BootstrapInterval.DefaultSeed, BootstrapInterval.Resamples)]
    public void The_median_and_IQM_intervals_equal_a_plain_loop_with_the_same_generator(int seed, int resamples)
    {
        var median = BootstrapInterval.Of(Iterations, SampleStatistics.Median, seed, resamples);
        var iqm = BootstrapInterval.Of(Iterations, SampleStatistics.InterquartileMean, seed, resamples);

        Assert.Equal(PlainMedian(Iterations), median.Value);
        Assert.Equal((median.Low, median.High), PlainBootstrap(Iterations, PlainMedian, seed, resamples));
        Assert.Equal(PlainTrimMean(Iterations), iqm.Value, 12);
        var (low, high) = PlainBootstrap(Iterations, PlainTrimMean, seed, resamples);
        Assert.Equal(low, iqm.Low, 12);
        Assert.Equal(high, iqm.High, 12);
        Assert.True(median.Low <= median.Value && median.Value <= median.High);
        Assert.True(median.Low < median.High, "ten different values give an interval of some width");
    }

    [Fact]
    public void The_same_seed_gives_the_same_interval_and_another_seed_another()
    {
        double[] seconds = [0.41, 0.27, 1.77, 0.66, 0.52, 0.93, 0.38, 1.21, 0.47, 0.58, 0.71];
        var first = BootstrapInterval.Of(seconds, SampleStatistics.InterquartileMean);
        Assert.Equal(first, BootstrapInterval.Of(seconds, SampleStatistics.InterquartileMean));
        Assert.NotEqual(first, BootstrapInterval.Of(seconds, SampleStatistics.InterquartileMean, seed: 1));
    }

    [Fact]
    public void Two_values_zero_and_one_give_the_median_interval_zero_to_one()
    {
        // Worked by hand: a resample of {0, 1} has median 0, 0.5 or 1 with chances 1/4, 1/2, 1/4,
        // so about 2,500 of 10,000 are 0 and 2,500 are 1: the 2.5th and 97.5th percentiles are 0 and 1.
        Assert.Equal(new Estimate(0.5, 0, 1), BootstrapInterval.Of([0.0, 1.0], SampleStatistics.Median));
    }

    [Fact]
    public void One_value_or_all_equal_values_give_an_interval_of_no_width()
    {
        Assert.Equal(new Estimate(42, 42, 42), BootstrapInterval.Of([42.0], SampleStatistics.Median));
        Assert.Equal(new Estimate(30, 30, 30), BootstrapInterval.Of([30.0, 30, 30, 30, 30], SampleStatistics.InterquartileMean));
    }
}
