namespace PolicyGradient.Tests.Cli;

public class BaselineVerbTests
{
    [Fact]
    public void Baseline_solves_with_the_defaults_and_writes_a_consistent_single_env_summary()
    {
        using var temp = new TempDirectory();

        var run = CliRun.Of("baseline", "--seed", "0", "--out", temp.Path);

        Assert.Equal(0, run.Exit);
        Assert.Equal("pgvec: device host (host CPU, one thread)", Assert.Single(run.StderrLines));
        var summary = SummaryFile.Read(temp.Combine("summary.json"));
        summary.AssertConsistent();
        Assert.Equal("single-env", summary.String("mode"));
        Assert.Equal("host", summary.String("device"));
        Assert.Equal(1, summary.Integer("envs"));
        Assert.Equal(0.0, summary.Number("setup_seconds"));
        // Measured: seed 0 solves after 275 episodes (mean of the last 100 >= 475).
        Assert.True(summary.Solved);
        Assert.InRange(summary.Integer("episodes"), 100, 5000);
        Assert.Equal(summary.Integer("episodes"), summary.Integer("iterations"));
        Assert.True(summary.Number("final_mean_return") >= 475.0);
        // A line per 100 episodes (or per second) and the last one.
        long episodes = summary.Integer("episodes");
        var progress = run.StdoutLines.Where(l => l.StartsWith("episode ")).ToList();
        Assert.True(progress.Count >= episodes / 100);
        Assert.StartsWith($"episode {episodes,7} ", progress[^1]);
    }

    [Fact]
    public void Baseline_that_runs_out_of_episodes_is_unsolved_with_no_time_to_solve()
    {
        using var temp = new TempDirectory();

        var run = CliRun.Of("baseline", "--objective", "tutorial", "--max-episodes", "150", "--out", temp.Path);

        Assert.Equal(0, run.Exit);
        var summary = SummaryFile.Read(temp.Combine("summary.json"));
        summary.AssertConsistent();
        Assert.False(summary.Solved);
        Assert.Null(summary.SecondsToSolve);
        Assert.Equal("tutorial", summary.String("objective"));
        Assert.Equal(150, summary.Integer("episodes"));
        Assert.StartsWith("single-env: not solved (target 475) after 150 episodes: --max-episodes 150 reached; ", run.StdoutLines[^1]);
        Assert.EndsWith($"; {temp.Path}", run.StdoutLines[^1]);
    }

    [Fact]
    public void The_tutorial_objective_is_still_accepted_under_its_former_name_seed()
    {
        using var temp = new TempDirectory();

        var run = CliRun.Of("baseline", "--objective", "seed", "--max-episodes", "2", "--quiet", "--out", temp.Path);

        Assert.Equal(0, run.Exit);
        Assert.Equal("tutorial", SummaryFile.Read(temp.Combine("summary.json")).String("objective"));
    }
}
