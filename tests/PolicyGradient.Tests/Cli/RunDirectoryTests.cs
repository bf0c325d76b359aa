using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using Pgvec.CommandLine;
using Pgvec.Options;
using PolicyGradient.Reporting.Plots;
using PolicyGradient.Output;
using PolicyGradient.Tests.Output;

namespace PolicyGradient.Tests.Cli;

public class RunDirectoryTests
{
    [Fact]
    public void Train_leaves_config_metrics_TensorBoard_events_and_a_learning_curve_that_agree_with_the_summary()
    {
        using var temp = new TempDirectory();

        var run = CliRun.Of("train", "--envs", "16", "--device", "cpu", "--seed", "2", "--max-iterations", "4", "--out", temp.Path);

        Assert.Equal(0, run.Exit);
        var summary = SummaryFile.Read(temp.Combine("summary.json"));

        using var config = JsonDocument.Parse(File.ReadAllText(temp.Combine("config.json")));
        Assert.Equal("train", config.RootElement.GetProperty("verb").GetString());
        Assert.Equal("cpu", config.RootElement.GetProperty("device").GetString());
        Assert.Equal(PgvecVersion.Text, config.RootElement.GetProperty("pgvec_version").GetString());
        var options = config.RootElement.GetProperty("options");
        Assert.Equal(VerbSpec.For(typeof(TrainOptions)).Options.Select(o => o.LongName).Order(),
            options.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(16, options.GetProperty("envs").GetInt32());
        Assert.Equal(0.99, options.GetProperty("gamma").GetDouble());
        Assert.Equal(temp.Path, options.GetProperty("out").GetString());

        string[] lines = File.ReadAllLines(temp.Combine(MetricsCsv.FileName));
        Assert.Equal(string.Join(',', MetricsCsv.Columns), lines[0]);
        // Without --eval-every, the eval column stays empty.
        var rows = lines.Skip(1).Select(l => l.Split(',').Select(v => v == "" ? double.NaN : double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
        Assert.Equal([1.0, 2, 3, 4], rows.Select(r => r[0]));
        Assert.Equal(summary.Number("env_steps"), rows[^1][2]);
        Assert.Equal(summary.Number("episodes"), rows[^1][3]);
        int Column(string name) => Array.IndexOf(MetricsCsv.Columns, name);
        Assert.All(rows, r => Assert.InRange(r[Column("policy_entropy")], 0.0, Math.Log(2) + 1e-6));   // entropy of two actions
        Assert.All(rows, r => Assert.True(r[Column("gradient_norm")] > 0, "gradient norm"));
        // Fixed precision: milliseconds and hundredths of a return, not round-trip digits.
        Assert.All(lines.Skip(1), l => Assert.Matches(@"^\d+,\d+\.\d{3},\d+,\d+,(-?\d+\.\d{2},){3}\d+,", l));
        Assert.All(rows, r => Assert.InRange(r[4], r[5], r[6]));                 // min <= mean <= max
        // CartPole pays 1 per step, so an episode's length is its return; a fresh policy falls long before the time limit.
        Assert.All(rows, r => Assert.Equal(r[Column("mean_return")], r[Column("mean_length")]));
        Assert.All(rows, r => Assert.Equal(1.0, r[Column("terminated_fraction")]));

        string events = Assert.Single(Directory.GetFiles(temp.Path, "events.out.tfevents.*"));
        var scalars = TensorBoardReader.Read(events).Skip(1).ToList();
        string[] tags = ["charts/episodic_return", "charts/episodic_length", "charts/terminated_fraction", "charts/SPS", "losses/policy_loss", "losses/entropy", "losses/gradient_norm"];
        Assert.Equal(tags.SelectMany(_ => Enumerable.Range(0, 4)).Count(), scalars.Count);
        Assert.Equal(tags, scalars.Take(tags.Length).Select(s => s.Tag));
        var returns = scalars.Where(s => s.Tag == "charts/episodic_return").ToList();
        Assert.Equal(rows.Select(r => (long)r[2]), returns.Select(s => s.Step));
        // metrics.csv rounds returns to 0.01 (a tie such as 62.875 is off by exactly half of it); TensorBoard keeps float32.
        Assert.All(rows.Zip(returns), p => Assert.Equal(p.First[4], p.Second.Value!.Value, 0.005 + 1e-9));

        AssertPng(temp.Combine(LearningCurvePlot.FileName));
    }

    [Fact]
    public void Quiet_prints_only_the_final_summary_line_and_nothing_on_stderr()
    {
        using var temp = new TempDirectory();

        var run = CliRun.Of("train", "--envs", "8", "--device", "cpu", "--max-iterations", "3", "--quiet", "--out", temp.Path);

        Assert.Equal(0, run.Exit);
        string line = Assert.Single(run.StdoutLines);
        Assert.StartsWith("batched: not solved (target 475) after 3 iterations: --max-iterations 3 reached; ", line);
        Assert.Equal("", run.Stderr);   // not even the device line
        Assert.True(File.Exists(temp.Combine(MetricsCsv.FileName)));
    }

    [Fact]
    public void Compare_draws_both_runs_in_one_picture()
    {
        using var temp = new TempDirectory();

        var run = CliRun.Of("compare", "--envs", "8", "--device", "cpu", "--max-iterations", "3", "--max-episodes", "20", "--quiet", "--out", temp.Path);

        Assert.Equal(0, run.Exit);
        AssertPng(temp.Combine(LearningCurvePlot.CompareFileName));
        AssertPng(temp.Combine("baseline", LearningCurvePlot.FileName));
        Assert.Equal(21, File.ReadAllLines(temp.Combine("baseline", MetricsCsv.FileName)).Length);
    }

    [Fact]
    public void A_picture_of_two_different_means_names_each_on_its_axis()
    {
        LearningCurve baseline = new("baseline", "mean return of the last 100 episodes", [1], [1], [10]);
        LearningCurve batched = new("batched", "mean return of the iteration's episodes", [1], [1], [10]);

        string label = LearningCurvePlot.YLabel([baseline, batched]);

        Assert.StartsWith("different measures: ", label);
        Assert.Contains("baseline: mean return of the last 100 episodes", label);
        Assert.Contains("batched: mean return of the iteration's episodes", label);
        Assert.Equal("mean return of the last 100 episodes", LearningCurvePlot.YLabel([baseline]));
    }

    /// <summary>A PNG signature and an IHDR chunk of the size pgvec draws.</summary>
    private static void AssertPng(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(1400, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(520, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }
}
