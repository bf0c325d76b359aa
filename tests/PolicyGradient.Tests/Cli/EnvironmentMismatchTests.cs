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

    /// <summary>A file whose env is continuous but whose policy is categorical (or the other way round) holds no policy that env can play.</summary>
    [Theory]
    [InlineData("Pendulum-v1", false, "holds a categorical (discrete-action) policy: Pendulum-v1 has continuous (Box) actions and needs a Gaussian (continuous-action) one")]
    [InlineData("MountainCar-v0", true, "holds a Gaussian (continuous-action) policy: MountainCar-v0 has discrete actions and needs a categorical (discrete-action) one")]
    public void A_policy_of_the_other_head_is_refused_with_one_line_by_eval_export_and_init_from(string env, bool gaussian, string message)
    {
        using var temp = new TempDirectory();
        string file = temp.Combine("policy.safetensors");
        // The shape of a policy the other kind of environment with the same observations has: 3 -> 3 logits for Pendulum, 2 -> 1 mean for MountainCar.
        var layout = gaussian ? new PolicyGradient.Kernels.PolicyLayout(2, 8, 1, PolicyGradient.Kernels.PolicyHead.Gaussian) : new PolicyGradient.Kernels.PolicyLayout(3, 8, 3);
        PolicyTensors.PolicyFile(PolicyParameters.Initialise(layout, 1), new Dictionary<string, string> { ["env"] = env }).Write(file);

        CliRun.Of("eval", "--checkpoint", file, "--out", temp.Combine("eval.json")).AssertUsageError($"--checkpoint {file} {message}");
        CliRun.Of("export", "--checkpoint", file, "--onnx", temp.Combine("policy.onnx")).AssertUsageError($"--checkpoint {file} {message}");
        CliRun.Of("train", "--init-from", file, "--hidden", "8", "--device", "cpu", "--out", temp.Combine("run")).AssertUsageError(message);
        Assert.Equal(["policy.safetensors"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName));
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
