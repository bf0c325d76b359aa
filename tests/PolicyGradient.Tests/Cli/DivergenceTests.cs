namespace PolicyGradient.Tests.Cli;

public class DivergenceTests
{
    [Fact]
    public void A_learning_rate_that_blows_up_stops_with_one_line_naming_the_iteration_and_exit_1()
    {
        using var temp = new TempDirectory();

        // Any positive finite rate is valid input; 1e30 overflows float32 logits after one update.
        var run = CliRun.Of("train", "--envs", "16", "--device", "cpu", "--lr", "1e30", "--quiet", "--out", temp.Path);

        Assert.Equal(1, run.Exit);
        string error = run.StderrLines[^1];
        Assert.Matches(@"^pgvec: error: training diverged at iteration \d+: the (loss|gradient|updated policy) is not finite", error);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.False(File.Exists(temp.Combine("summary.json")), "a diverged run must not leave a summary that looks complete");
    }
}
