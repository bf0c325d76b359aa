namespace PolicyGradient.Tests.Cli;

public class FewEnvsWarningTests
{
    [Theory]
    [InlineData(new[] { "train", "--envs", "1" }, true)]
    [InlineData(new[] { "train", "--envs", "1", "--lr", "0.01" }, false)]
    [InlineData(new[] { "train", "--envs", "8" }, false)]
    [InlineData(new[] { "sweep", "--seeds", "0", "--envs", "2", "--lr", "0.01,0.1" }, true)]
    public void Few_envs_with_the_large_learning_rate_get_a_warning_that_names_the_fix(string[] args, bool warned)
    {
        using var temp = new TempDirectory();

        var run = CliRun.Of([.. args, "--device", "cpu", "--max-iterations", "1", "--quiet", "--out", temp.Path]);

        Assert.Equal(0, run.Exit);
        Assert.Equal(warned, run.StderrLines.Any(l => l.StartsWith("pgvec: warning: --envs ") && l.Contains("often collapses") && l.Contains("give --lr 0.01")));
    }
}
