using System.Text.Json;
using PolicyGradient.Environment;

namespace PolicyGradient.Tests.Cli;

/// <summary>train's --envs, --lr and --target-return follow --env unless given.</summary>
public class EnvironmentDefaultsTests
{
    [Theory]
    [InlineData("CartPole-v1")]
    [InlineData("Acrobot-v1")]
    [InlineData("MountainCar-v0")]
    [InlineData("Pendulum-v1")]
    [InlineData("MountainCarContinuous-v0")]
    public void Train_takes_the_environments_defaults_and_records_them(string id)
    {
        EnvironmentDefinition environment = Environments.Find(id)!;
        using var run = new TempDirectory();

        CliRun result = CliRun.Of("train", "--env", id, "--device", "cpu", "--max-iterations", "1", "--quiet", "--out", run.Path);

        Assert.True(result.Exit == 0, result.Stderr);
        JsonElement options = JsonDocument.Parse(File.ReadAllText(run.Combine("config.json"))).RootElement.GetProperty("options");
        Assert.Equal(id, options.GetProperty("env").GetString());
        Assert.Equal(environment.Defaults.Envs, options.GetProperty("envs").GetInt32());
        Assert.Equal(environment.Defaults.LearningRate, options.GetProperty("lr").GetDouble());
        // Gymnasium's reward_threshold, or pgvec's own where its registry has none (Pendulum-v1: -200).
        Assert.Equal(environment.DefaultTargetReturn, options.GetProperty("target-return").GetDouble());
        Assert.Equal(id == "Pendulum-v1" ? -200.0 : environment.RewardThreshold, environment.DefaultTargetReturn);
    }

    [Fact]
    public void Given_options_win_over_the_environments_defaults()
    {
        using var run = new TempDirectory();

        CliRun result = CliRun.Of("train", "--env", "Acrobot-v1", "--envs", "16", "--lr", "0.2", "--target-return", "-300", "--device", "cpu",
            "--max-iterations", "1", "--quiet", "--out", run.Path);

        Assert.True(result.Exit == 0, result.Stderr);
        JsonElement options = JsonDocument.Parse(File.ReadAllText(run.Combine("config.json"))).RootElement.GetProperty("options");
        Assert.Equal(16, options.GetProperty("envs").GetInt32());
        Assert.Equal(0.2, options.GetProperty("lr").GetDouble());
        Assert.Equal(-300.0, options.GetProperty("target-return").GetDouble());
    }
}
