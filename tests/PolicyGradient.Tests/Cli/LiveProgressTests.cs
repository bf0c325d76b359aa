using Pgvec.Progress;
using PolicyGradient.Training;

namespace PolicyGradient.Tests.Cli;

public class LiveProgressTests
{
    private static readonly TrainingOptions Training = new() { MaxUpdates = 1000, MaxSeconds = 600, TargetReturn = 475 };

    private static UpdateReport Report(int update, double meanReturn, double seconds) => new()
    {
        Update = update, Episodes = 4096, MeanReturn = meanReturn, MinReturn = 9, MaxReturn = 500,
        EnvSteps = (long)(4096 * meanReturn), TotalEnvSteps = 1_000_000, EnvStepsPerSecond = 2_570_000, ElapsedSeconds = seconds,
        PolicyLoss = 0.1, Entropy = 0.6, GradientNorm = 1.0,
    };

    [Fact]
    public void The_line_shows_both_budgets_used_of_allowed_and_a_bar_of_the_return_against_the_target()
    {
        var progress = new LiveProgress(Training, "iteration", TextWriter.Null);

        string line = progress.Line(Report(12, 237.5, 3.14), 120);

        Assert.Equal("iteration 12/1000  return 237.5/475  2.57 M/s  3.1/600 s  [########........]", line.TrimEnd());
        Assert.Equal(119, line.Length);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(40)]
    public void The_line_never_reaches_the_last_column_so_it_never_wraps(int width)
    {
        var progress = new LiveProgress(Training, "iteration", TextWriter.Null);

        Assert.Equal(width - 1, progress.Line(Report(999, 474.9, 599.9), width).Length);
        Assert.Equal(width - 1, progress.Line(null, width).Length);
    }

    [Fact]
    public void Drawing_only_happens_off_the_training_thread_and_ends_with_the_last_report()
    {
        var terminal = new StringWriter();
        var progress = new LiveProgress(Training, "iteration", terminal);
        string? whileTraining = null;

        int updates = progress.Track(report =>
        {
            for (int i = 1; i <= 3; i++)
                report(Report(i, 100 * i, 0.1 * i));
            whileTraining = terminal.ToString();
            return 3;
        });

        Assert.Equal(3, updates);
        // The reports drew nothing themselves: only the drawing made before training is there.
        Assert.StartsWith("\riteration 0/1000  starting", whileTraining);
        Assert.Single(whileTraining!.Split('\r', StringSplitOptions.RemoveEmptyEntries));
        string last = terminal.ToString().Split('\r', StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.StartsWith("iteration 3/1000  return 300.0/475", last);
        Assert.EndsWith("\n", last);
    }
}
