using System.Text.Json;
using PolicyGradient.Checkpoints;
using PolicyGradient.Environment;
using PolicyGradient.Kernels;
using PolicyGradient.Policy;
using PolicyGradient.Training;

namespace PolicyGradient.Tests.Cli;

/// <summary>eval of a Gaussian (continuous-action) policy: greedy plays the mean, --sample draws as training does.</summary>
public class ContinuousEvalTests
{
    private const int Episodes = 3;
    private const ulong Seed = 4;

    /// <summary>A Pendulum or MountainCarContinuous policy file as a run writes it (float32, env in its metadata), log_std -0.5.</summary>
    private static (string Path, PolicyParameters Policy) PolicyFile(TempDirectory temp, EnvironmentDefinition environment)
    {
        var policy = PolicyTensors.Read(PolicyTensors.PolicyFile(PolicyParameters.Initialise(environment.Device.Layout(8), 7, initialLogStd: -0.5), new Dictionary<string, string>()));
        string path = temp.Combine("policy.safetensors");
        PolicyTensors.PolicyFile(policy, new Dictionary<string, string> { ["format"] = "pt", ["env"] = environment.Id }).Write(path);
        return (path, policy);
    }

    /// <summary>
    /// Each episode again, independently of the evaluation loop: from the state eval reset it to,
    /// the network's float64 mean rounded to float32 and handed to the environment unclipped, every step.
    /// </summary>
    private static double[] MeanActionReturns(PolicyParameters policy, EnvironmentDefinition environment)
    {
        var returns = new double[Episodes];
        for (int e = 0; e < Episodes; e++)
        {
            double[]? start = null;
            PolicyEvaluation.PlayEpisode(policy, environment.CreateReference(), environment.Device, e, Seed, ActionChoice.Greedy, env => start ??= env.State.ToArray());
            IReferenceEnvironment env = environment.CreateReference();
            float[] obs = env.ResetTo(start);
            double[] mean = new double[1];
            for (int t = 0; ; t++)
            {
                policy.Logits(obs, mean);
                StepResult step = env.Step([(float)mean[0]]);
                returns[e] += step.Reward;
                obs = step.Observation;
                if (step.Terminated || step.Truncated)
                    break;
            }
        }
        return returns;
    }

    public static TheoryData<string> Continuous => new() { "Pendulum-v1", "MountainCarContinuous-v0" };

    [Theory]
    [MemberData(nameof(Continuous))]
    public void Greedy_plays_the_mean_action_and_sample_draws_a_different_reproducible_episode(string id)
    {
        EnvironmentDefinition environment = Environments.Named(id);
        using var temp = new TempDirectory();
        var (path, policy) = PolicyFile(temp, environment);
        string[] play = ["eval", "--checkpoint", path, "--episodes", $"{Episodes}", "--seed", $"{Seed}"];

        CliRun greedy = CliRun.Of([.. play, "--out", temp.Combine("greedy.json")]);
        CliRun sample = CliRun.Of([.. play, "--sample", "--out", temp.Combine("sample.json")]);
        CliRun again = CliRun.Of([.. play, "--sample", "--out", temp.Combine("again.json")]);

        Assert.Equal((0, ""), (greedy.Exit, greedy.Stderr));
        Assert.Equal((0, ""), (sample.Exit, sample.Stderr));
        Assert.StartsWith($"eval: {Episodes} greedy episodes of {path} (a {environment.Device.Observations}-8-1 gaussian policy), seed {Seed}, on {id} (float64, Gymnasium-exact, host)", greedy.StdoutLines[0]);
        JsonElement g = Report(temp, "greedy.json"), s = Report(temp, "sample.json");
        double[] expected = MeanActionReturns(policy, environment);
        Assert.Equal(expected.Average(), g.GetProperty("mean_return").GetDouble());
        Assert.Equal(expected.Min(), g.GetProperty("min_return").GetDouble());
        Assert.Equal(expected.Max(), g.GetProperty("max_return").GetDouble());
        Assert.Equal(environment.Device.MaxEpisodeSteps, g.GetProperty("max_length").GetInt32());
        Assert.Equal("sample", s.GetProperty("actions").GetString());
        Assert.NotEqual(g.GetProperty("mean_return").GetDouble(), s.GetProperty("mean_return").GetDouble());
        Assert.Equal(PolicyEvaluation.Play(policy, environment, Episodes, Seed, ActionChoice.Sample).Average(r => r.Return), s.GetProperty("mean_return").GetDouble());
        Assert.Equal(File.ReadAllText(temp.Combine("sample.json")), File.ReadAllText(temp.Combine("again.json")));
    }

    [Fact]
    public void Sampled_actions_are_the_mean_plus_exp_log_std_times_the_devices_normal_draws_unclipped()
    {
        EnvironmentDefinition pendulum = Environments.Pendulum;
        var policy = PolicyParameters.Initialise(pendulum.Device.Layout(8), 7, initialLogStd: 1.5);
        float[] observation = [0.6f, -0.8f, 3.0f];
        double[] scratch = new double[1], mean = new double[1];
        policy.Logits(observation, mean);
        var draws = new List<float>();
        for (int t = 0; t < 400; t++)
        {
            float[] action = PolicyAction.Choose(policy, observation, 99, t, pendulum.Device.ResetDraws, ActionChoice.Sample, scratch).Box!;
            ulong first = (ulong)pendulum.Device.ResetDraws + (ulong)t * (ulong)GaussianPolicy.DrawsPerAction(1);
            Assert.Equal((float)mean[0] + MathF.Exp(1.5f) * CounterRandom.NormalFloat(99, first), action[0]);
            draws.Add(action[0]);
        }
        // exp(1.5) = 4.5: the draws go well beyond Pendulum's [-2, 2]; the environment clips them, not the policy.
        Assert.Contains(draws, a => a > 2f);
        Assert.Contains(draws, a => a < -2f);
        Assert.Equal((float)mean[0], PolicyAction.Choose(policy, observation, 99, 0, pendulum.Device.ResetDraws, ActionChoice.Greedy, scratch).Box![0]);
    }

    [Theory]
    [InlineData("Pendulum-v1", "rotate,scale")]
    [InlineData("MountainCarContinuous-v0", "translate,rotate")]
    public void Render_draws_the_first_episode_of_a_continuous_environment_a_frame_per_state(string id, string animated)
    {
        EnvironmentDefinition environment = Environments.Named(id);
        using var temp = new TempDirectory();
        var (path, policy) = PolicyFile(temp, environment);
        string svg = temp.Combine("episode.svg");

        CliRun run = CliRun.Of("eval", "--checkpoint", path, "--episodes", "1", "--seed", $"{Seed}", "--render", svg, "--out", temp.Combine("eval.json"));

        Assert.Equal((0, ""), (run.Exit, run.Stderr));
        Assert.Equal(svg, run.StdoutLines[^2]);
        int length = PolicyEvaluation.PlayEpisode(policy, environment.CreateReference(), environment.Device, 0, Seed, ActionChoice.Greedy).Length;
        System.Xml.Linq.XDocument document = System.Xml.Linq.XDocument.Load(svg);
        System.Xml.Linq.XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.StartsWith($"policy.safetensors: {id} greedy episode 0 of seed {Seed}", document.Root!.Element(ns + "title")!.Value);
        var animations = document.Descendants(ns + "animateTransform").ToList();
        Assert.Equal(animated.Split(','), animations.Select(a => (string)a.Attribute("type")!));
        // One frame per state: the reset's and one after each of the episode's steps.
        Assert.All(animations, a => Assert.Equal(length + 1, ((string)a.Attribute("values")!).Split(';').Length));
        Assert.Equal(length + 1, document.Descendants(ns + "text").Count(t => (string?)t.Attribute("class") == "step"));
    }

    private static JsonElement Report(TempDirectory temp, string name) => JsonDocument.Parse(File.ReadAllText(temp.Combine(name))).RootElement;
}
