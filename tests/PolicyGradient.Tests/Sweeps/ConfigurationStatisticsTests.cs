using PolicyGradient.Policy;
using PolicyGradient.Statistics;
using PolicyGradient.Sweeps;
using PolicyGradient.Training;

namespace PolicyGradient.Tests.Sweeps;

public class ConfigurationStatisticsTests
{
    private static readonly PolicyParameters AnyPolicy = PolicyParameters.Initialise(CartPoleShapes.Layout(4), 0);

    private static TrainingOutcome Solved(int iterations, long envSteps, double seconds) =>
        new(true, iterations, iterations * 16, envSteps, seconds, seconds, 480, AnyPolicy);

    private static TrainingOutcome Unsolved(int iterations, long envSteps, double seconds, bool interrupted = false) =>
        new(false, iterations, iterations * 16, envSteps, seconds, null, 120, AnyPolicy, interrupted);

    [Fact]
    public void Unsolved_agents_count_as_the_budget_they_used_up()
    {
        var statistics = ConfigurationStatistics.Of([Solved(10, 1000, 0.5), Unsolved(30, 5000, 2.0), Solved(12, 1400, 0.7), Unsolved(30, 4800, 1.9)])!;

        Assert.Equal(4, statistics.AgentsFinished);
        Assert.Equal(2, statistics.Solved);
        Assert.Equal(0.5, statistics.SolvedFraction);
        // Iterations 10, 12, 30, 30: median (12 + 30) / 2, IQM (n = 4, one cut each end) also mean(12, 30).
        Assert.Equal(21, statistics.Iterations.Median.Value);
        Assert.Equal(21, statistics.Iterations.InterquartileMean.Value);
        // Env-steps 1000, 1400, 4800, 5000; seconds 0.5, 0.7, 1.9, 2.0.
        Assert.Equal(3100, statistics.EnvSteps.Median.Value);
        Assert.Equal(1.3, statistics.SecondsToSolve.InterquartileMean.Value, 12);
        Assert.Equal(BootstrapInterval.Of([10.0, 30, 12, 30], SampleStatistics.Median), statistics.Iterations.Median);
    }

    [Fact]
    public void All_unsolved_gives_a_solved_fraction_of_zero_and_the_budget_with_no_interval_width()
    {
        var statistics = ConfigurationStatistics.Of([Unsolved(30, 5000, 2.0), Unsolved(30, 5000, 2.0), Unsolved(30, 5000, 2.0)])!;

        Assert.Equal(0, statistics.SolvedFraction);
        Assert.Equal(new Estimate(30, 30, 30), statistics.Iterations.Median);
        Assert.Equal(new Estimate(30, 30, 30), statistics.Iterations.InterquartileMean);
        Assert.Equal(new Estimate(5000, 5000, 5000), statistics.EnvSteps.Median);
    }

    [Fact]
    public void Interrupted_agents_are_left_out_and_a_configuration_with_none_finished_has_no_statistics()
    {
        var statistics = ConfigurationStatistics.Of([Solved(10, 1000, 0.5), Unsolved(3, 300, 0.1, interrupted: true)])!;
        Assert.Equal(1, statistics.AgentsFinished);
        Assert.Equal(1.0, statistics.SolvedFraction);
        Assert.Equal(new Estimate(10, 10, 10), statistics.Iterations.Median);

        Assert.Null(ConfigurationStatistics.Of([Unsolved(3, 300, 0.1, interrupted: true)]));
    }
}
