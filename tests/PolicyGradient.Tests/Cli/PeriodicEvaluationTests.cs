using System.Globalization;
using PolicyGradient.Checkpoints;
using PolicyGradient.Output;
using PolicyGradient.Tests.Output;
using PolicyGradient.Training;

namespace PolicyGradient.Tests.Cli;

public class PeriodicEvaluationTests
{
    [Fact]
    public void Eval_every_evaluates_greedily_into_metrics_and_TensorBoard_and_keeps_the_best_policy()
    {
        using var temp = new TempDirectory();

        var run = CliRun.Of("--envs", "16", "--device", "cpu", "--max-iterations", "6", "--target-return", "501", "--eval-every", "2", "--quiet", "--out", temp.Path);

        Assert.Equal(0, run.Exit);
        string[][] rows = [.. File.ReadAllLines(temp.Combine(MetricsCsv.FileName)).Skip(1).Select(l => l.Split(','))];
        int column = Array.IndexOf(MetricsCsv.Columns, "eval_episodic_return");
        Assert.Equal(["", "x", "", "x", "", "x"], rows.Select(r => r[column] == "" ? "" : "x"));
        double[] evaluations = [.. rows.Where(r => r[column] != "").Select(r => double.Parse(r[column], CultureInfo.InvariantCulture))];

        var events = TensorBoardReader.Read(Directory.GetFiles(temp.Path, "events.out.tfevents.*").Single()).Where(e => e.Tag == "eval/episodic_return").ToList();
        Assert.Equal(evaluations, events.Select(e => Math.Round((double)e.Value!.Value, 2)));
        Assert.Equal(rows.Where(r => r[column] != "").Select(r => long.Parse(r[2], CultureInfo.InvariantCulture)), events.Select(e => e.Step));

        var best = SafeTensorsFile.Read(temp.Combine("best-policy.safetensors"));
        double bestReturn = double.Parse(best.Metadata["eval_episodic_return"], CultureInfo.InvariantCulture);
        Assert.Equal(evaluations.Max(), Math.Round(bestReturn, 2));
        // The file holds the policy that earned it: evaluated again, the same mean.
        Assert.Equal(bestReturn, GreedyEvaluation.MeanReturn(PolicyTensors.Read(best), PolicyGradient.Environment.Environments.CartPole, 10, 0), 4);
    }
}
