using System.Text.Json;

namespace PolicyGradient.Tests.Cli;

public class CompareVerbTests
{
    [Fact]
    public void Compare_runs_both_to_the_target_and_writes_both_summaries_and_the_speedups()
    {
        using var temp = new TempDirectory();

        // Measured with seed 0: the baseline solves after 275 episodes, 32 batched envs after 57 iterations.
        var run = CliRun.Of("compare", "--envs", "32", "--device", "cpu", "--seed", "0", "--max-iterations", "300", "--out", temp.Path);

        Assert.Equal(0, run.Exit);
        var baseline = SummaryFile.Read(temp.Combine("baseline", "summary.json"));
        var batched = SummaryFile.Read(temp.Combine("batched", "summary.json"));
        baseline.AssertConsistent();
        batched.AssertConsistent();
        Assert.Equal("single-env", baseline.String("mode"));
        Assert.Equal("batched", batched.String("mode"));
        Assert.True(baseline.Solved);
        Assert.True(batched.Solved);

        var comparison = JsonDocument.Parse(File.ReadAllText(temp.Combine("compare.json"))).RootElement;
        Assert.Equal(["baseline", "batched", "speedup_to_solve_with_setup", "speedup_wall_to_solve", "speedup_env_steps_per_second"], comparison.EnumerateObject().Select(p => p.Name));
        Assert.Equal(baseline.Fields, new SummaryFile(comparison.GetProperty("baseline")).Fields);
        Assert.Equal(batched.Fields, new SummaryFile(comparison.GetProperty("batched")).Fields);
        Assert.Equal(baseline.SecondsToSolve!.Value / batched.SecondsToSolve!.Value, comparison.GetProperty("speedup_wall_to_solve").GetDouble());
        // The headline counts the batched run's set-up (device, kernels), which the training-only ratio leaves out.
        Assert.True(batched.Number("setup_seconds") > 0);
        Assert.Equal((baseline.Number("setup_seconds") + baseline.SecondsToSolve!.Value) / (batched.Number("setup_seconds") + batched.SecondsToSolve!.Value),
            comparison.GetProperty("speedup_to_solve_with_setup").GetDouble());
        Assert.Equal(batched.Number("env_steps_per_second") / baseline.Number("env_steps_per_second"), comparison.GetProperty("speedup_env_steps_per_second").GetDouble());

        Assert.Contains(run.StdoutLines, l => l.StartsWith("run ") && l.Contains("to solve (s)") && l.Contains("env-steps/s"));
        Assert.Contains(run.StdoutLines, l => l.StartsWith("baseline ") && l.Contains("yes"));
        Assert.Contains(run.StdoutLines, l => l.StartsWith("batched ") && l.Contains("yes"));
        Assert.Contains(run.StdoutLines, l => l.StartsWith("speed-up of batched over baseline: to solve with set-up ") && l.Contains("(the headline), training loops only "));
    }

    [Fact]
    public void Compare_without_a_solve_writes_a_null_wall_clock_speedup()
    {
        using var temp = new TempDirectory();

        var run = CliRun.Of("compare", "--envs", "4", "--device", "cpu", "--max-iterations", "2", "--max-episodes", "20", "--out", temp.Path);

        Assert.Equal(0, run.Exit);
        var comparison = JsonDocument.Parse(File.ReadAllText(temp.Combine("compare.json"))).RootElement;
        Assert.Equal(JsonValueKind.Null, comparison.GetProperty("speedup_wall_to_solve").ValueKind);
        Assert.True(comparison.GetProperty("speedup_env_steps_per_second").GetDouble() > 0);
        Assert.Contains(run.StdoutLines, l => l.Contains("to solve with set-up n/a (the headline), training loops only n/a"));
        Assert.Equal(JsonValueKind.Null, comparison.GetProperty("speedup_to_solve_with_setup").ValueKind);
    }
}
