using PolicyGradient.Statistics;

namespace PolicyGradient.Tests.Statistics;

public class SampleStatisticsTests
{
    // scipy.stats.trim_mean(x, 0.25) cuts int(0.25 * n) values from each end after sorting.
    [Theory]
    [InlineData(new[] { 7.0 }, 7.0)]                          // n = 1: nothing cut
    [InlineData(new[] { 1.0, 2, 10 }, 13.0 / 3)]              // n = 3: int(0.75) = 0, nothing cut
    [InlineData(new[] { 4.0, 1, 3, 2 }, 2.5)]                 // n = 4: 1 cut each end -> mean(2, 3)
    [InlineData(new[] { 5.0, 1, 4, 2, 3 }, 3.0)]              // n = 5: int(1.25) = 1 -> mean(2, 3, 4)
    [InlineData(new[] { 1.0, 2, 3, 4, 5, 6, 7 }, 4.0)]        // n = 7: int(1.75) = 1 -> mean(2..6)
    [InlineData(new[] { 100.0, 2, 3, 4, 5, 6, 7, 1 }, 4.5)]   // n = 8: 2 cut each end, the outlier among them -> mean(3, 4, 5, 6)
    [InlineData(new[] { 30.0, 30, 30 }, 30.0)]                // all equal
    public void Interquartile_mean_is_scipys_trim_mean_with_a_quarter_cut_from_each_end(double[] values, double expected)
    {
        Assert.Equal(expected, SampleStatistics.InterquartileMean(values), 12);
    }

    [Theory]
    [InlineData(new[] { 7.0 }, 7.0)]
    [InlineData(new[] { 3.0, 1, 2 }, 2.0)]
    [InlineData(new[] { 4.0, 1, 3, 2 }, 2.5)]
    [InlineData(new[] { 10.0, 12, 30, 30 }, 21.0)]
    public void Median_is_the_middle_value_or_the_mean_of_the_two_middle_values(double[] values, double expected)
    {
        Assert.Equal(expected, SampleStatistics.Median(values));
    }

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(25, 1.75)]     // rank 0.25 * 3 = 0.75: 1 + 0.75 * (2 - 1)
    [InlineData(50, 2.5)]
    [InlineData(97.5, 3.925)]  // rank 2.925: 3 + 0.925 * (4 - 3)
    [InlineData(100, 4.0)]
    public void Percentile_interpolates_linearly_between_ranks_as_numpy_does(double q, double expected)
    {
        Assert.Equal(expected, SampleStatistics.Percentile([4.0, 1, 3, 2], q), 12);
    }

    [Fact]
    public void A_statistic_of_no_values_is_refused()
    {
        Assert.Throws<ArgumentException>(() => SampleStatistics.Median([]));
        Assert.Throws<ArgumentException>(() => SampleStatistics.InterquartileMean([]));
    }
}
