using PolicyGradient.Output;
using PolicyGradient.Tests.Cli;
using PolicyGradient.Training;

namespace PolicyGradient.Tests.Output;

public class RunRecorderTests
{
    private static UpdateReport Report(int update) =>
        new()
        {
            Update = update, Episodes = 8, MeanReturn = 20.0 * update, MinReturn = 10, MaxReturn = 40, EnvSteps = 160, TotalEnvSteps = 160L * update,
            EnvStepsPerSecond = 1e5, ElapsedSeconds = 0.1 * update, PolicyLoss = -0.01, Entropy = 0.69, GradientNorm = 0.05,
        };

    [Fact]
    public void A_resumed_recorder_keeps_the_rows_up_to_the_checkpoint_and_draws_the_whole_run()
    {
        using var temp = new TempDirectory();
        using (var first = new RunRecorder(temp.Path, "run", "mean return"))
        {
            for (int i = 1; i <= 3; i++)
                first.Record(Report(i));
        }

        // The checkpoint was after iteration 2: iteration 3 is played again.
        using var resumed = new RunRecorder(temp.Path, "run", "mean return", (2, 16));
        resumed.Record(Report(3));
        resumed.Record(Report(4));

        Assert.Equal([160.0, 320, 480, 640], resumed.Curve.EnvSteps);
        Assert.Equal([20.0, 40, 60, 80], resumed.Curve.MeanReturn);
        string[] rows = File.ReadAllLines(temp.Combine(MetricsCsv.FileName));
        Assert.Equal(5, rows.Length);
        Assert.Equal(["1", "2", "3", "4"], rows.Skip(1).Select(r => r.Split(',')[0]));
        Assert.Equal(["8", "16", "24", "32"], rows.Skip(1).Select(r => r.Split(',')[3]));
    }
}
