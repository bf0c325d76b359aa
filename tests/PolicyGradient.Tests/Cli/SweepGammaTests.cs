using System.Text.Json;

namespace PolicyGradient.Tests.Cli;

/// <summary>A sweep without --gamma trains each environment at its own default discount, as `train` does; a given one applies to every environment.</summary>
public class SweepGammaTests
{
    [Theory]
    [InlineData(new string[0], new[] { 0.99, 0.999 })]
    [InlineData(new[] { "--gamma", "0.9" }, new[] { 0.9, 0.9 })]
    public void Each_environment_takes_its_default_discount_unless_gamma_is_given(string[] gamma, double[] expected)
    {
        using var temp = new TempDirectory();
        var run = CliRun.Of(["sweep", "--env", "CartPole-v1,MountainCarContinuous-v0", "--seeds", "0", "--envs", "8", "--lr", "0.01",
            "--max-iterations", "1", "--device", "cpu", "--quiet", .. gamma, "--out", temp.Path]);

        Assert.Equal(0, run.Exit);
        var configurations = JsonDocument.Parse(File.ReadAllText(temp.Combine("sweep.json"))).RootElement.GetProperty("configurations");
        Assert.Equal(["CartPole-v1", "MountainCarContinuous-v0"], configurations.EnumerateArray().Select(c => c.GetProperty("env").GetString()));
        Assert.Equal(expected, configurations.EnumerateArray().Select(c => c.GetProperty("gamma").GetDouble()));
    }
}
