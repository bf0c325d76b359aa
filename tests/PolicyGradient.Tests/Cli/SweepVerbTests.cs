using Pgvec.Commands;
using System.Globalization;
using System.Text.Json;
using PolicyGradient.Checkpoints;
using PolicyGradient.Statistics;
using PolicyGradient.Tests.Checkpoints;

namespace PolicyGradient.Tests.Cli;

/// <summary>One small sweep on the CPU accelerator, made once for the tests that read its directory.</summary>
public sealed class SweptRun : IDisposable
{
    public static readonly ulong[] Seeds = [0, 1, 2, 3];
    public static readonly double[] LearningRates = [0.03, 0.1];
    public const int Envs = 16;
    public const int MaxIterations = 30;

    private readonly TempDirectory _temp = new();

    public SweptRun()
    {
        Run = CliRun.Of("sweep", "--seeds", "0-3", "--lr", "0.03,0.1", "--envs", $"{Envs}", "--device", "cpu",
            "--max-iterations", $"{MaxIterations}", "--out", Directory);
        Report = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "sweep.json"))).RootElement;
    }

    public CliRun Run { get; }
    public string Directory => _temp.Combine("sweep");
    public JsonElement Report { get; }
    public JsonElement[] Agents => [.. Report.GetProperty("agents").EnumerateArray()];

    /// <summary>sweep.csv's rows, by agent: (iteration, env_steps, mean_return) and the configuration columns.</summary>
    public Dictionary<int, string[][]> CsvRows() => File.ReadAllLines(Path.Combine(Directory, "sweep.csv")).Skip(1)
        .Select(l => l.Split(','))
        .GroupBy(f => int.Parse(f[0], CultureInfo.InvariantCulture))
        .ToDictionary(g => g.Key, g => g.ToArray());

    public void Dispose() => _temp.Dispose();
}

public class SweepVerbTests(SweptRun swept) : IClassFixture<SweptRun>
{
    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public void The_sweep_writes_every_file_of_its_directory()
    {
        Assert.Equal(0, swept.Run.Exit);
        foreach (string file in new[] { "config.json", "sweep.json", "sweep.csv", "sweep.png", "solved.png" })
            Assert.True(File.Exists(Path.Combine(swept.Directory, file)), $"{file} is missing");
        foreach (string png in new[] { "sweep.png", "solved.png" })
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(Path.Combine(swept.Directory, png))[..4]);
        Assert.Equal(Enumerable.Range(0, 8).Select(a => $"agent-{a:D3}.safetensors"),
            System.IO.Directory.GetFiles(Path.Combine(swept.Directory, "policies")).Select(Path.GetFileName).Order());
        // No temporary file left behind: the only hidden file is the run's claim on its directory.
        Assert.Equal([RunDirectory.ClaimFile], System.IO.Directory.GetFiles(swept.Directory, ".*").Select(Path.GetFileName));
        var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(swept.Directory, "config.json"))).RootElement;
        Assert.Equal("sweep", config.GetProperty("verb").GetString());
        Assert.Equal("0-3", config.GetProperty("options").GetProperty("seeds").GetString());
        Assert.Equal("0.03,0.1", config.GetProperty("options").GetProperty("lr").GetString());
    }

    [Fact]
    public void Agents_follow_the_documented_order_and_agree_with_sweep_csv()
    {
        Dictionary<int, string[][]> rows = swept.CsvRows();
        JsonElement[] agents = swept.Agents;
        Assert.Equal(8, agents.Length);
        Assert.False(swept.Report.GetProperty("interrupted").GetBoolean());
        for (int a = 0; a < agents.Length; a++)
        {
            JsonElement agent = agents[a];
            // lr outermost, seeds innermost.
            Assert.Equal(a, agent.GetProperty("agent").GetInt32());
            Assert.Equal(SweptRun.Seeds[a % 4], agent.GetProperty("seed").GetUInt64());
            Assert.Equal(SweptRun.LearningRates[a / 4], agent.GetProperty("lr").GetDouble());
            Assert.Equal(0.99, agent.GetProperty("gamma").GetDouble());
            Assert.Equal("reinforce", agent.GetProperty("objective").GetString());

            string[][] mine = rows[a];
            Assert.All(mine, r => Assert.Equal([$"{a}", $"{SweptRun.Seeds[a % 4]}", $"{SweptRun.LearningRates[a / 4]}", "0.99", "reinforce"], r[..5]));
            Assert.Equal(Enumerable.Range(1, mine.Length).Select(i => $"{i}"), mine.Select(r => r[5]));
            int iterations = agent.GetProperty("iterations").GetInt32();
            Assert.Equal(mine.Length, iterations);
            Assert.Equal(long.Parse(mine[^1][6], CultureInfo.InvariantCulture), agent.GetProperty("env_steps").GetInt64());
            Assert.Equal(Number(mine[^1][7]), agent.GetProperty("final_mean_return").GetDouble());
            Assert.Equal(iterations * SweptRun.Envs, agent.GetProperty("episodes").GetInt64());
            // Training stops at the first iteration that meets the target, and only there.
            bool solved = agent.GetProperty("solved").GetBoolean();
            Assert.Equal(solved, Number(mine[^1][7]) >= 475);
            Assert.All(mine[..^1], r => Assert.True(Number(r[7]) < 475));
            Assert.Equal(solved ? JsonValueKind.Number : JsonValueKind.Null, agent.GetProperty("seconds_to_solve").ValueKind);
            Assert.True(solved || iterations == SweptRun.MaxIterations);
            double greedy = agent.GetProperty("greedy_eval_mean_return").GetDouble();
            Assert.InRange(greedy, 8, 500);
        }
    }

    [Fact]
    public void Each_configurations_statistics_follow_from_its_agents_with_unsolved_ones_at_the_budget()
    {
        JsonElement[] agents = swept.Agents;
        JsonElement[] configurations = [.. swept.Report.GetProperty("configurations").EnumerateArray()];
        Assert.Equal(2, configurations.Length);
        Assert.Contains("budget", swept.Report.GetProperty("unsolved_agents").GetString());
        for (int c = 0; c < 2; c++)
        {
            JsonElement configuration = configurations[c];
            Assert.Equal(SweptRun.LearningRates[c], configuration.GetProperty("lr").GetDouble());
            int[] members = [.. configuration.GetProperty("agents").EnumerateArray().Select(e => e.GetInt32())];
            Assert.Equal(Enumerable.Range(4 * c, 4), members);
            JsonElement[] mine = [.. members.Select(a => agents[a])];
            Assert.Equal(mine.Count(a => a.GetProperty("solved").GetBoolean()) / 4.0, configuration.GetProperty("solved_fraction").GetDouble());

            // Four agents: the median and the IQM (one cut from each end) are both the mean of the middle two.
            double[] iterations = [.. mine.Select(a => (double)a.GetProperty("iterations").GetInt32()).Order()];
            JsonElement statistics = configuration.GetProperty("iterations");
            Assert.Equal((iterations[1] + iterations[2]) / 2, statistics.GetProperty("median").GetProperty("value").GetDouble());
            Assert.Equal((iterations[1] + iterations[2]) / 2, statistics.GetProperty("interquartile_mean").GetProperty("value").GetDouble());
            Assert.InRange(statistics.GetProperty("median").GetProperty("low").GetDouble(), iterations[0], iterations[1]);
            Assert.InRange(statistics.GetProperty("median").GetProperty("high").GetDouble(), iterations[2], iterations[3]);

            double[] seconds = [.. mine.Select(a => a.GetProperty("seconds_to_solve") is { ValueKind: JsonValueKind.Number } s
                ? s.GetDouble() : a.GetProperty("training_seconds").GetDouble())];
            Assert.Equal(BootstrapInterval.Of(seconds, SampleStatistics.InterquartileMean).High,
                configuration.GetProperty("seconds_to_solve").GetProperty("interquartile_mean").GetProperty("high").GetDouble());
        }
    }

    [Fact]
    public void Every_policy_loads_with_its_configuration_in_the_metadata_and_eval_reads_it()
    {
        using var temp = new TempDirectory();
        foreach (JsonElement agent in swept.Agents)
        {
            string path = Path.Combine(swept.Directory, agent.GetProperty("policy").GetString()!);
            var file = SafeTensorsFile.Read(path);
            Assert.Equal(32, PolicyTensors.Read(file).Hidden);
            Assert.Equal($"{agent.GetProperty("agent").GetInt32()}", file.Metadata["agent"]);
            Assert.Equal($"{agent.GetProperty("seed").GetUInt64()}", file.Metadata["seed"]);
            Assert.Equal(agent.GetProperty("lr").GetDouble(), Number(file.Metadata["lr"]));
            Assert.Equal("0.99", file.Metadata["gamma"]);
            Assert.Equal("reinforce", file.Metadata["objective"]);
            Assert.Equal("16", file.Metadata["envs"]);
            Assert.False(file.Metadata.ContainsKey("seeds"));
        }
        JsonElement third = swept.Agents[3];
        string report = temp.Combine("eval.json");
        var eval = CliRun.Of("eval", "--checkpoint", Path.Combine(swept.Directory, third.GetProperty("policy").GetString()!), "--seed", "3", "--out", report);
        Assert.Equal(0, eval.Exit);
        // The sweep evaluates the float64 policy, eval its float32 file: the same argmax actions here, so the same returns.
        Assert.Equal(third.GetProperty("greedy_eval_mean_return").GetDouble(),
            JsonDocument.Parse(File.ReadAllText(report)).RootElement.GetProperty("mean_return").GetDouble());
    }

    [Fact]
    public void The_final_lines_summarise_each_configuration_and_the_sweep()
    {
        string[] lines = swept.Run.StdoutLines;
        Assert.StartsWith("lr 0.03, gamma 0.99, reinforce: ", lines[^3]);
        Assert.StartsWith("lr 0.1, gamma 0.99, reinforce: ", lines[^2]);
        Assert.StartsWith("sweep: ", lines[^1]);
        Assert.EndsWith("sweep.json", lines[^1]);
    }

    [Fact]
    public void An_agent_inside_the_grid_ends_with_the_policy_train_ends_with_for_its_settings()
    {
        // Agent 6: the second configuration (lr 0.1), its third seed (2).
        using var temp = new TempDirectory();
        var train = CliRun.Of("train", "--seed", "2", "--lr", "0.1", "--envs", $"{SweptRun.Envs}", "--device", "cpu",
            "--max-iterations", $"{SweptRun.MaxIterations}", "--quiet", "--out", temp.Path);
        Assert.Equal(0, train.Exit);

        var fromSweep = RawSafeTensors.Of(Path.Combine(swept.Directory, "policies", "agent-006.safetensors"));
        var fromTrain = RawSafeTensors.Of(temp.Combine("policy.safetensors"));
        foreach (string name in PolicyTensors.NamesOf(PolicyTensors.Read(temp.Combine("policy.safetensors")).Layout))
            Assert.True(fromSweep.Data(name).SequenceEqual(fromTrain.Data(name)), $"{name} differs");
        Assert.Equal(SummaryFile.Read(temp.Combine("summary.json")).Integer("env_steps"), swept.Agents[6].GetProperty("env_steps").GetInt64());
    }

    [Fact]
    public void A_one_agent_sweep_ends_with_the_policy_train_ends_with_bit_for_bit()
    {
        using var temp = new TempDirectory();
        string[] common = ["--envs", "8", "--hidden", "8", "--lr", "0.1", "--max-iterations", "6", "--device", "cpu", "--quiet"];
        Assert.Equal(0, CliRun.Of(["sweep", "--seeds", "5", .. common, "--out", temp.Combine("sweep")]).Exit);
        Assert.Equal(0, CliRun.Of(["train", "--seed", "5", .. common, "--out", temp.Combine("train")]).Exit);

        var fromSweep = RawSafeTensors.Of(temp.Combine("sweep", "policies", "agent-000.safetensors"));
        var fromTrain = RawSafeTensors.Of(temp.Combine("train", "policy.safetensors"));
        foreach (string name in PolicyTensors.NamesOf(PolicyTensors.Read(temp.Combine("train", "policy.safetensors")).Layout))
            Assert.True(fromSweep.Data(name).SequenceEqual(fromTrain.Data(name)), $"{name} differs");
        var summary = SummaryFile.Read(temp.Combine("train", "summary.json"));
        var agent = JsonDocument.Parse(File.ReadAllText(temp.Combine("sweep", "sweep.json"))).RootElement.GetProperty("agents")[0];
        Assert.Equal(summary.Integer("iterations"), agent.GetProperty("iterations").GetInt64());
        Assert.Equal(summary.Integer("env_steps"), agent.GetProperty("env_steps").GetInt64());
        Assert.Equal(summary.Number("final_mean_return"), agent.GetProperty("final_mean_return").GetDouble());
        Assert.Equal(summary.Number("greedy_eval_mean_return"), agent.GetProperty("greedy_eval_mean_return").GetDouble());
    }

    [Fact]
    public void The_printed_median_is_the_one_sweep_json_holds_not_a_rounded_one()
    {
        using var temp = new TempDirectory();

        // Measured: seeds 1 and 2 at 16 envs solve after 11 and 18 iterations, a median of 14.5.
        var run = CliRun.Of("sweep", "--seeds", "1-2", "--envs", "16", "--device", "cpu", "--quiet", "--out", temp.Path);

        Assert.Equal(0, run.Exit);
        var median = JsonDocument.Parse(File.ReadAllText(temp.Combine("sweep.json"))).RootElement
            .GetProperty("configurations")[0].GetProperty("iterations").GetProperty("median");
        var printed = System.Text.RegularExpressions.Regex.Match(run.StdoutLines[0], @"iterations median ([\d.]+) \[([\d.]+), ([\d.]+)\]");
        Assert.True(printed.Success, run.StdoutLines[0]);
        Assert.Equal(median.GetProperty("value").GetDouble(), double.Parse(printed.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(median.GetProperty("low").GetDouble(), double.Parse(printed.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(median.GetProperty("high").GetDouble(), double.Parse(printed.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture));
    }
}
