using System.Text.Json;

namespace PolicyGradient.Tests.Cli;

public class BenchVerbTests
{
    [Fact]
    public void Bench_measures_each_env_count_and_each_seed_and_writes_the_report()
    {
        using var temp = new TempDirectory();
        string report = temp.Combine("bench.json");

        var run = CliRun.Of("bench", "--device", "cpu", "--envs", "2,16", "--seeds", "0,1", "--solve-envs", "16", "--min-seconds", "0.01", "--sweep-agents", "2", "--sweep-envs", "16",
            "--floor-envs", "16", "--crossover-runs", "1", "--crossover-envs", "16", "--out", report);

        Assert.Equal(0, run.Exit);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var root = json.RootElement;
        Assert.Equal("cpu", root.GetProperty("device").GetString());
        Assert.Equal("CartPole-v1", root.GetProperty("env").GetString());
        var throughput = root.GetProperty("throughput").EnumerateArray().ToList();
        Assert.Equal([2, 16], throughput.Select(r => r.GetProperty("envs").GetInt32()));
        foreach (var row in throughput)
        {
            double steps = row.GetProperty("env_steps").GetDouble();
            double seconds = row.GetProperty("seconds").GetDouble();
            int envs = row.GetProperty("envs").GetInt32(), iterations = row.GetProperty("iterations").GetInt32();
            double meanLength = row.GetProperty("mean_episode_length").GetDouble();
            // Every iteration plays one episode per env: the step count is the episodes' lengths, counted apart.
            Assert.Equal(steps, (double)iterations * envs * meanLength, 6);
            // At least --min-seconds measured, and never a whole second past one iteration's worth beyond it.
            Assert.InRange(seconds, 0.01, 0.01 + 60.0);
            // The fixed policy is a trained one: episodes run long, as late in training, within the time limit.
            Assert.InRange(meanLength, 200, 500);
            double phases = row.GetProperty("rollout_seconds").GetDouble() + row.GetProperty("gradient_seconds").GetDouble() + row.GetProperty("host_seconds").GetDouble();
            Assert.InRange(phases, 0, seconds);
        }
        var solves = root.GetProperty("solve_times").EnumerateArray().ToList();
        Assert.Equal([0UL, 1UL], solves.Select(s => s.GetProperty("seed").GetUInt64()));
        Assert.All(solves, s => Assert.True(s.GetProperty("baseline_episodes").GetInt32() > 0));
        Assert.Empty(root.GetProperty("peers").EnumerateArray());
        var sweep = root.GetProperty("sweep");
        Assert.Equal(2, sweep.GetProperty("agents").GetInt32());
        Assert.Equal(16, sweep.GetProperty("envs_per_agent").GetInt32());
        // Together or one after another, the agents train to the same bits: the same ones solve.
        Assert.Equal(sweep.GetProperty("sequential_solved").GetInt32(), sweep.GetProperty("batch_solved").GetInt32());
        Assert.True(sweep.GetProperty("batch_seconds").GetDouble() > 0 && sweep.GetProperty("sequential_seconds").GetDouble() > 0);
        Assert.True(sweep.GetProperty("batch_env_steps_per_second").GetDouble() > 0 && sweep.GetProperty("one_agent_env_steps_per_second").GetDouble() > 0);
        Assert.Contains(run.StdoutLines, l => l.StartsWith("median (min-max):"));

        var floor = root.GetProperty("iteration_floor");
        Assert.Equal(16, floor.GetProperty("envs").GetInt32());
        // A fresh policy plays short episodes (CartPole's random-policy episodes last ~20 steps).
        Assert.InRange(floor.GetProperty("env_steps_per_iteration").GetDouble() / 16, 9, 60);
        // The idle step (same launches, no work) and its copies are parts of the whole step.
        double iteration = floor.GetProperty("iteration_ms").GetDouble(), idle = floor.GetProperty("idle_ms").GetDouble();
        Assert.InRange(idle, 0, iteration);
        Assert.InRange(floor.GetProperty("copies_ms").GetDouble(), 0, idle);
        Assert.Equal(4, floor.GetProperty("launches").GetInt32());

        // Fresh pgvec processes: a baseline and train at 16 envs with both learning rates, seed 0, all solved.
        var crossover = root.GetProperty("crossover");
        var cells = crossover.GetProperty("train").EnumerateArray().ToList();
        Assert.Equal([(16, 0.01), (16, 0.1)], cells.Select(c => (c.GetProperty("envs").GetInt32(), c.GetProperty("learning_rate").GetDouble())));
        foreach (var cell in cells.Append(crossover.GetProperty("baseline")))
        {
            Assert.Empty(cell.GetProperty("errors").EnumerateArray());
            var solve = Assert.Single(cell.GetProperty("seconds_to_solve").EnumerateArray().ToList());
            // Training time is part of the whole command's time.
            Assert.InRange(solve.GetDouble(), 0, Assert.Single(cell.GetProperty("command_seconds").EnumerateArray().ToList()).GetDouble());
        }
        Assert.Contains(run.StdoutLines, l => l.StartsWith("fastest: train --envs 16"));
    }

    [Fact]
    public void Bench_of_another_env_measures_it_with_its_initial_policy_says_so_and_skips_the_peer_with_one_line()
    {
        using var temp = new TempDirectory();
        string report = temp.Combine("bench.json");

        // The peer is never started for MountainCar-v0, so any program on PATH stands in for python.
        var run = CliRun.Of("bench", "--env", "MountainCar-v0", "--device", "cpu", "--envs", "4", "--seeds", "0", "--solve-envs", "8", "--solve-max-seconds", "0.3",
            "--min-seconds", "0.01", "--sweep-agents", "0", "--floor-envs", "8", "--crossover-runs", "0", "--peer-python", "sh", "--out", report);

        Assert.Equal(0, run.Exit);
        Assert.StartsWith("pgvec bench of MountainCar-v0 on cpu ", run.StdoutLines[0]);
        Assert.Contains(run.StdoutLines, l => l.StartsWith("Throughput, whole iterations with a fixed policy, MountainCar-v0's initial one (seed 0"));
        Assert.Contains(run.StdoutLines, l => l.StartsWith("Time to solve MountainCar-v0 (mean return >= -110)"));
        Assert.Single(run.StdoutLines, l => l == "PyTorch peer: skipped, its script (torch_reinforce.py) trains CartPole-v1 only, not MountainCar-v0");
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var root = json.RootElement;
        Assert.Equal("MountainCar-v0", root.GetProperty("env").GetString());
        // A random-ish policy never reaches the flag: every episode runs to MountainCar's time limit of 200.
        var row = Assert.Single(root.GetProperty("throughput").EnumerateArray().ToList());
        Assert.Equal(200.0, row.GetProperty("mean_episode_length").GetDouble());
        Assert.Equal(PolicyGradient.Environment.Environments.MountainCar.Device.BytesPerEnv(32, 200) * 4, row.GetProperty("device_bytes").GetInt64());
        Assert.Equal(200.0, root.GetProperty("iteration_floor").GetProperty("env_steps_per_iteration").GetDouble() / 8);
        var solve = Assert.Single(root.GetProperty("solve_times").EnumerateArray().ToList());
        Assert.False(solve.GetProperty("batched_solved").GetBoolean());
        Assert.Empty(root.GetProperty("peers").EnumerateArray());
    }

    [Fact]
    public void Bench_refuses_an_unwritable_report_or_a_missing_python_before_measuring_anything()
    {
        using var temp = new TempDirectory();
        string[] measure = ["bench", "--device", "cpu", "--envs", "65536", "--min-seconds", "60"];   // minutes, were it measured

        CliRun.Of([.. measure, "--out", temp.Path]).AssertUsageError($"--out {temp.Path} is a directory: must be a file path");
        CliRun.Of([.. measure, "--peer-python", temp.Combine("no-python")]).AssertUsageError($"--peer-python {temp.Combine("no-python")}: no such program");
        CliRun.Of([.. measure, "--peer-python", "no-such-python-on-path"]).AssertUsageError("no such program", "a name on PATH");
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void The_peer_scripts_are_found_beside_the_program_from_any_folder()
    {
        Assert.True(File.Exists(Path.Combine(Pgvec.Commands.BenchRun.PeerDirectory, PolicyGradient.Benchmarks.BenchmarkRunner.TorchPeerScript)));
        Assert.StartsWith(AppContext.BaseDirectory, Pgvec.Commands.BenchRun.PeerDirectory);
    }

    [Theory]
    [InlineData("--envs", "1,x")]
    [InlineData("--envs", "0")]
    [InlineData("--seeds", "-1")]
    [InlineData("--min-seconds", "0")]
    public void Bench_refuses_bad_lists_and_numbers_with_one_line(string option, string value)
    {
        var run = CliRun.Of("bench", option, value);

        Assert.Equal(2, run.Exit);
        string line = Assert.Single(run.StderrLines);
        Assert.StartsWith($"pgvec: {option} {value} ", line);
    }
}
