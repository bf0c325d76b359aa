namespace PolicyGradient.Tests.Cli;

public class EnvStepsBudgetTests
{
    [Theory]
    [InlineData("train", "--envs", "16", "--device", "cpu", "batched")]
    [InlineData("baseline", "--max-episodes", "5000", "", "", "single-env")]
    public void Max_env_steps_stops_after_the_update_that_reaches_the_budget_and_says_so(string verb, string a, string b, string c, string d, string mode)
    {
        using var temp = new TempDirectory();
        string[] extra = [.. new[] { a, b, c, d }.Where(x => x != "")];

        // Far below what solving takes: the budget, not the target, ends the run.
        var run = CliRun.Of([verb, .. extra, "--max-env-steps", "2000", "--out", temp.Path]);

        Assert.Equal(0, run.Exit);
        var summary = SummaryFile.Read(temp.Combine("summary.json"));
        Assert.False(summary.Solved);
        Assert.True(summary.Integer("env_steps") >= 2000);
        string[] rows = File.ReadAllLines(temp.Combine("metrics.csv"));
        long beforeLast = long.Parse(rows[^2].Split(',')[2]);
        Assert.True(rows.Length == 2 || beforeLast < 2000, $"it went on after {beforeLast} env-steps");
        Assert.Contains(run.StdoutLines, l => l.StartsWith($"{mode}: not solved") && l.Contains(": --max-env-steps 2000 reached;"));
    }

    [Fact]
    public void A_run_resumed_past_its_env_steps_budget_has_nothing_to_do()
    {
        using var temp = new TempDirectory();
        Assert.Equal(0, CliRun.Of("--envs", "16", "--device", "cpu", "--max-env-steps", "500", "--quiet", "--out", temp.Path).Exit);

        var again = CliRun.Of("train", "--resume", temp.Path);

        Assert.Equal(0, again.Exit);
        Assert.Contains("has used its --max-env-steps 500", again.Stderr + again.Stdout);
    }

    [Fact]
    public void A_sweep_agent_stops_after_the_iteration_that_reaches_its_env_steps_budget()
    {
        using var temp = new TempDirectory();

        var run = CliRun.Of("sweep", "--seeds", "0-1", "--envs", "16", "--device", "cpu", "--max-env-steps", "2000", "--quiet", "--out", temp.Path);

        Assert.Equal(0, run.Exit);
        var agents = System.Text.Json.JsonDocument.Parse(File.ReadAllText(temp.Combine("sweep.json"))).RootElement.GetProperty("agents");
        foreach (var agent in agents.EnumerateArray())
        {
            Assert.False(agent.GetProperty("solved").GetBoolean());
            Assert.True(agent.GetProperty("env_steps").GetInt64() >= 2000);
        }
    }
}
