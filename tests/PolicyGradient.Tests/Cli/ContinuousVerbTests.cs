using System.Globalization;
using System.Text.Json;
using PolicyGradient.Checkpoints;
using PolicyGradient.Kernels;

namespace PolicyGradient.Tests.Cli;

/// <summary>Every verb that takes --env runs the shortest job on Pendulum-v1 and writes what it writes for the discrete environments.</summary>
public class ContinuousVerbTests
{
    private const string Pendulum = "Pendulum-v1";

    private static JsonElement Json(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement;

    /// <summary>A policy file of Pendulum's shape: 3-H-1, Gaussian (log_std after fc2), env in its metadata.</summary>
    private static void AssertPendulumPolicy(string path, int hidden = 32)
    {
        SafeTensorsFile file = SafeTensorsFile.Read(path);
        Assert.Equal(["fc1.bias", "fc1.weight", "fc2.bias", "fc2.weight", "log_std"], file.Tensors.Keys.Where(PolicyTensors.Names.Contains).Order(StringComparer.Ordinal));
        Assert.Equal(new PolicyLayout(3, hidden, 1, PolicyHead.Gaussian), PolicyTensors.Read(file).Layout);
        Assert.Equal(Pendulum, file.Metadata["env"]);
    }

    /// <summary>
    /// A run's summary of its Pendulum episodes: 200 steps each, every step costing between 0 and
    /// pi^2 + 0.1 * 8^2 + 0.001 * 2^2 = 16.3, so a return lies in [-3260, 0].
    /// </summary>
    private static void AssertPendulumSummary(SummaryFile summary, string mode, long episodes)
    {
        Assert.Equal(SummaryFile.FieldNames, summary.Names);
        Assert.True(summary.IsNull("seconds_to_solve"));
        Assert.True(summary.IsNull("failed"));
        Assert.Equal((mode, Pendulum), (summary.String("mode"), summary.String("env")));
        Assert.Equal(episodes, summary.Integer("episodes"));
        Assert.Equal(200 * episodes, summary.Integer("env_steps"));
        Assert.False(summary.Solved);
        Assert.InRange(summary.Number("final_mean_return"), -16.3 * 200, 0);
        Assert.InRange(summary.Number("greedy_eval_mean_return"), -16.3 * 200, 0);
    }

    [Fact]
    public void Train_runs_two_iterations_and_writes_the_run_with_a_Gaussian_policy()
    {
        using var temp = new TempDirectory();

        CliRun run = CliRun.Of("train", "--env", Pendulum, "--envs", "16", "--max-iterations", "2", "--device", "cpu", "--quiet", "--out", temp.Path);

        Assert.True(run.Exit == 0, run.Stderr);
        AssertPendulumSummary(SummaryFile.Read(temp.Combine("summary.json")), "batched", 32);
        Assert.Equal(Pendulum, Json(temp.Combine("config.json")).GetProperty("options").GetProperty("env").GetString());
        Assert.Equal(-200.0, Json(temp.Combine("config.json")).GetProperty("options").GetProperty("target-return").GetDouble());
        string[] metrics = File.ReadAllLines(temp.Combine("metrics.csv"));
        Assert.Equal(3, metrics.Length);
        int entropy = Array.IndexOf(metrics[0].Split(','), "policy_entropy");
        // A 1-dimensional Gaussian's entropy, 0.5 ln(2 pi e) + log_std: 1.419 at log_std 0, moved a little by two Adam steps.
        Assert.All(metrics[1..], row => Assert.InRange(double.Parse(row.Split(',')[entropy], CultureInfo.InvariantCulture), 1.3, 1.55));
        AssertPendulumPolicy(temp.Combine("policy.safetensors"));
        AssertPendulumPolicy(temp.Combine("checkpoint.safetensors"));
        Assert.True(File.Exists(temp.Combine("learning-curve.png")));
    }

    [Fact]
    public void Baseline_plays_three_episodes_on_the_single_env_trainer()
    {
        using var temp = new TempDirectory();

        CliRun run = CliRun.Of("baseline", "--env", Pendulum, "--max-episodes", "3", "--quiet", "--out", temp.Path);

        Assert.True(run.Exit == 0, run.Stderr);
        AssertPendulumSummary(SummaryFile.Read(temp.Combine("summary.json")), "single-env", 3);
        Assert.Equal(4, File.ReadAllLines(temp.Combine("metrics.csv")).Length);
        AssertPendulumPolicy(temp.Combine("policy.safetensors"));
    }

    [Fact]
    public void Compare_runs_both_halves_and_writes_the_comparison()
    {
        using var temp = new TempDirectory();

        CliRun run = CliRun.Of("compare", "--env", Pendulum, "--max-episodes", "2", "--envs", "16", "--max-iterations", "2", "--device", "cpu", "--quiet", "--out", temp.Path);

        Assert.True(run.Exit == 0, run.Stderr);
        JsonElement compare = Json(temp.Combine("compare.json"));
        Assert.Equal(Pendulum, compare.GetProperty("baseline").GetProperty("env").GetString());
        Assert.Equal(Pendulum, compare.GetProperty("batched").GetProperty("env").GetString());
        // Neither solves in two updates: no speed-up to solve.
        Assert.Equal(JsonValueKind.Null, compare.GetProperty("speedup_to_solve_with_setup").ValueKind);
        AssertPendulumSummary(SummaryFile.Read(temp.Combine("baseline", "summary.json")), "single-env", 2);
        AssertPendulumSummary(SummaryFile.Read(temp.Combine("batched", "summary.json")), "batched", 32);
        AssertPendulumPolicy(temp.Combine("baseline", "policy.safetensors"));
        AssertPendulumPolicy(temp.Combine("batched", "policy.safetensors"));
    }

    [Fact]
    public void Sweep_trains_two_agents_and_writes_their_policies_and_statistics()
    {
        using var temp = new TempDirectory();

        CliRun run = CliRun.Of("sweep", "--env", Pendulum, "--seeds", "0-1", "--lr", "0.01", "--envs", "16", "--max-iterations", "2", "--device", "cpu", "--quiet", "--out", temp.Path);

        Assert.True(run.Exit == 0, run.Stderr);
        JsonElement sweep = Json(temp.Combine("sweep.json"));
        Assert.Equal([Pendulum], sweep.GetProperty("envs").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(-200.0, sweep.GetProperty("target_return").GetDouble());
        JsonElement[] agents = [.. sweep.GetProperty("agents").EnumerateArray()];
        Assert.Equal(2, agents.Length);
        Assert.All(agents, a => Assert.Equal((Pendulum, 2, 2 * 16 * 200L), (a.GetProperty("env").GetString(), a.GetProperty("iterations").GetInt32(), a.GetProperty("env_steps").GetInt64())));
        Assert.All(agents, a => Assert.InRange(a.GetProperty("greedy_eval_mean_return").GetDouble(), -16.3 * 200, 0));
        // Each agent's iterations in sweep.csv, env last.
        string[] rows = File.ReadAllLines(temp.Combine("sweep.csv"));
        Assert.Equal(5, rows.Length);
        Assert.All(rows[1..], r => Assert.EndsWith("," + Pendulum, r));
        AssertPendulumPolicy(temp.Combine("policies", "agent-000.safetensors"));
        AssertPendulumPolicy(temp.Combine("policies", "agent-001.safetensors"));
    }

    [Fact]
    public void Bench_measures_Pendulum_against_its_target_of_minus_200()
    {
        using var temp = new TempDirectory();
        string report = temp.Combine("bench.json");

        CliRun run = CliRun.Of("bench", "--env", Pendulum, "--device", "cpu", "--envs", "4", "--seeds", "0", "--solve-envs", "8", "--solve-max-seconds", "0.3",
            "--min-seconds", "0.01", "--sweep-agents", "0", "--floor-envs", "8", "--crossover-runs", "0", "--out", report);

        Assert.True(run.Exit == 0, run.Stderr);
        Assert.Contains(run.StdoutLines, l => l.StartsWith("Time to solve Pendulum-v1 (mean return >= -200), train --envs 8"));
        JsonElement bench = Json(report);
        Assert.Equal(Pendulum, bench.GetProperty("env").GetString());
        // Pendulum never terminates: every episode is the time limit's 200 steps.
        Assert.Equal(200.0, Assert.Single(bench.GetProperty("throughput").EnumerateArray().ToList()).GetProperty("mean_episode_length").GetDouble());
        Assert.Equal(200.0, bench.GetProperty("iteration_floor").GetProperty("env_steps_per_iteration").GetDouble() / 8);
        JsonElement solve = Assert.Single(bench.GetProperty("solve_times").EnumerateArray().ToList());
        Assert.False(solve.GetProperty("batched_solved").GetBoolean());
        Assert.True(solve.GetProperty("baseline_episodes").GetInt32() > 0);
    }
}
