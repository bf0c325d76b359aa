using Pgvec.CommandLine;
using PolicyGradient.Checkpoints;
using PolicyGradient.Environment;
using PolicyGradient.Policy;

namespace PolicyGradient.Tests.Cli;

/// <summary>What does not fit another --env is refused with one line before any work: the tutorial's objective, and a file trained on another environment.</summary>
public class EnvironmentMismatchTests
{
    [Theory]
    [InlineData("train", "--objective", "tutorial", "--device", "cpu")]
    [InlineData("baseline", "--objective", "tutorial")]
    [InlineData("compare", "--objective", "tutorial", "--device", "cpu")]
    [InlineData("sweep", "--objective", "reinforce,tutorial", "--device", "cpu")]
    public void The_tutorial_objective_is_refused_for_any_env_but_CartPole(params string[] args)
    {
        using var temp = new TempDirectory();
        foreach (string env in new[] { "Acrobot-v1", "MountainCar-v0", "Pendulum-v1", "MountainCarContinuous-v0" })
        {
            CliRun.Of([.. args, "--env", env, "--out", temp.Combine(env)])
                .AssertUsageError($"--objective tutorial does not fit --env {env}", "offset for CartPole-v1's returns only", "use --objective reinforce");
        }
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void The_tutorial_objective_still_parses_for_CartPole_and_reinforce_for_every_env()
    {
        Assert.IsType<Pgvec.Options.BaselineOptions>(CommandLineParsing.Parse(["baseline", "--objective", "tutorial"]));
        Assert.IsType<Pgvec.Options.CompareOptions>(CommandLineParsing.Parse(["compare", "--env", "CartPole-v1", "--objective", "tutorial"]));
        Assert.IsType<Pgvec.Options.BaselineOptions>(CommandLineParsing.Parse(["baseline", "--env", "Acrobot-v1", "--objective", "reinforce"]));
    }

    [Fact]
    public void Init_from_a_file_without_env_is_CartPoles_and_another_env_is_refused_naming_both()
    {
        using var temp = new TempDirectory();
        string start = temp.Combine("start.safetensors");
        PolicyTensors.PolicyFile(PolicyParameters.Initialise(CartPoleShapes.Layout(6), 1), new Dictionary<string, string>()).Write(start);

        CliRun.Of("train", "--env", "Acrobot-v1", "--init-from", start, "--device", "cpu", "--out", temp.Combine("run"))
            .AssertUsageError($"--env Acrobot-v1 does not match --init-from {start}", "trained on CartPole-v1", "leave --env out or give CartPole-v1");
        Assert.False(Directory.Exists(temp.Combine("run")));
    }

    [Fact]
    public void Init_from_an_Acrobot_file_refuses_a_CartPole_env_and_without_env_trains_Acrobot()
    {
        using var temp = new TempDirectory();
        string start = temp.Combine("acrobot.safetensors");
        var layout = Environments.Acrobot.Device.Layout(5);
        PolicyTensors.PolicyFile(PolicyParameters.Initialise(layout, 1), new Dictionary<string, string> { ["env"] = "Acrobot-v1" }).Write(start);

        CliRun.Of("train", "--env", "CartPole-v1", "--init-from", start, "--device", "cpu", "--out", temp.Combine("refused"))
            .AssertUsageError($"--env CartPole-v1 does not match --init-from {start}", "trained on Acrobot-v1");

        var run = CliRun.Of("train", "--init-from", start, "--envs", "8", "--max-iterations", "1", "--device", "cpu", "--quiet", "--out", temp.Combine("run"));
        Assert.Equal(0, run.Exit);
        Assert.Contains("\"env\": \"Acrobot-v1\"", File.ReadAllText(temp.Combine("run", "config.json")));
    }

    [Fact]
    public void Resume_with_another_env_than_the_runs_is_refused_naming_both()
    {
        using var temp = new TempDirectory();
        string dir = temp.Combine("run");
        Assert.Equal(0, CliRun.Of("train", "--envs", "8", "--max-iterations", "1", "--device", "cpu", "--quiet", "--out", dir).Exit);

        CliRun.Of("train", "--resume", dir, "--env", "MountainCar-v0", "--max-iterations", "2")
            .AssertUsageError("--env MountainCar-v0 conflicts with the run in", "which has --env CartPole-v1");
    }
}
