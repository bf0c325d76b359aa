using System.Text.Json;
using System.Xml.Linq;
using PolicyGradient.Checkpoints;
using PolicyGradient.Environment;
using PolicyGradient.Policy;
using PolicyGradient.Training;

namespace PolicyGradient.Tests.Cli;

public class EvalVerbTests(TrainedRun trained) : IClassFixture<TrainedRun>
{
    private static JsonElement ReadJson(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement;

    [Fact]
    public void Eval_of_the_checkpoint_repeats_the_runs_own_greedy_evaluation_exactly()
    {
        using var temp = new TempDirectory();
        string report = temp.Combine("eval.json");

        var run = CliRun.Of("eval", "--checkpoint", trained.Checkpoint, "--seed", $"{TrainedRun.Seed}", "--out", report);

        Assert.Equal(0, run.Exit);
        Assert.Equal("", run.Stderr);
        var summary = SummaryFile.Read(Path.Combine(trained.Directory, "summary.json"));
        JsonElement eval = ReadJson(report);
        Assert.Equal(summary.Number("greedy_eval_mean_return"), eval.GetProperty("mean_return").GetDouble());
        Assert.Equal(100, eval.GetProperty("episodes").GetInt32());
        Assert.Equal("greedy", eval.GetProperty("actions").GetString());
        Assert.Equal(TrainedRun.Hidden, eval.GetProperty("hidden").GetInt32());
        Assert.Equal(report, run.StdoutLines[^1]);
    }

    [Theory]
    [InlineData("--greedy")]
    [InlineData("--sample")]
    public void Eval_reports_mean_min_and_max_return_and_length_of_the_reference_env_episodes(string mode)
    {
        ActionChoice choice = mode == "--greedy" ? ActionChoice.Greedy : ActionChoice.Sample;
        using var temp = new TempDirectory();
        string report = temp.Combine("eval.json");

        var run = CliRun.Of("eval", "--checkpoint", trained.Policy, mode, "--episodes", "7", "--seed", "9", "--out", report);

        Assert.Equal(0, run.Exit);
        EpisodeResult[] expected = PolicyEvaluation.Play(PolicyTensors.Read(trained.Policy), Environments.CartPole, 7, 9, choice);
        JsonElement eval = ReadJson(report);
        Assert.Equal(expected.Average(r => r.Return), eval.GetProperty("mean_return").GetDouble());
        Assert.Equal(expected.Min(r => r.Return), eval.GetProperty("min_return").GetDouble());
        Assert.Equal(expected.Max(r => r.Return), eval.GetProperty("max_return").GetDouble());
        Assert.Equal(expected.Average(r => r.Length), eval.GetProperty("mean_length").GetDouble());
        Assert.Equal(expected.Min(r => r.Length), eval.GetProperty("min_length").GetInt32());
        Assert.Equal(expected.Max(r => r.Length), eval.GetProperty("max_length").GetInt32());
        Assert.Equal(choice.Name(), eval.GetProperty("actions").GetString());
        Assert.Equal(JsonValueKind.Null, eval.GetProperty("render").ValueKind);
        Assert.StartsWith($"eval: 7 {choice.Name()} episodes of {trained.Policy} (a 4-8-2 policy), seed 9", run.StdoutLines[0]);
        Assert.Single(run.StdoutLines, l => l.StartsWith("return ") && l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2] == $"{expected.Min(r => r.Return)}");
    }

    [Fact]
    public void Render_draws_the_first_episode_as_well_formed_animated_SVG_with_a_frame_per_state()
    {
        using var temp = new TempDirectory();
        string svg = temp.Combine("episode.svg");

        var run = CliRun.Of("eval", "--checkpoint", trained.Checkpoint, "--episodes", "2", "--seed", "4", "--render", svg, "--out", temp.Combine("eval.json"));

        Assert.Equal(0, run.Exit);
        int length = PolicyEvaluation.PlayEpisode(PolicyTensors.Read(trained.Checkpoint), new CartPole(), CartPoleShapes.Device, 0, 4, ActionChoice.Greedy).Length;
        XDocument document = XDocument.Load(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", document.Root!.Name);
        var animations = document.Descendants(ns + "animateTransform").ToList();
        Assert.Equal(["translate", "rotate"], animations.Select(a => (string)a.Attribute("type")!));
        foreach (XElement animation in animations)
        {
            Assert.Equal(length + 1, ((string)animation.Attribute("values")!).Split(';').Length);
            Assert.Equal(length + 1, ((string)animation.Attribute("keyTimes")!).Split(';').Length);
        }
        var counters = document.Descendants(ns + "text").Where(t => (string?)t.Attribute("class") == "step").ToList();
        Assert.Equal(length + 1, counters.Count);
        Assert.Equal($"step {length} of {length}", counters[^1].Value);
        Assert.Single(counters, c => (string)c.Attribute("visibility")! == "visible");
        Assert.Equal(svg, ReadJson(temp.Combine("eval.json")).GetProperty("render").GetString());
    }

    [Fact]
    public void Bad_eval_inputs_exit_2_with_one_line_and_no_stack_trace()
    {
        using var temp = new TempDirectory();
        string truncated = temp.Combine("truncated.safetensors"), garbage = temp.Combine("garbage.safetensors"), wrongShape = temp.Combine("wrong.safetensors");
        File.WriteAllBytes(truncated, File.ReadAllBytes(trained.Policy)[..100]);
        File.WriteAllText(garbage, "this is not a safetensors file at all");
        new SafeTensorsFile(PolicyTensors.PolicyFile(PolicyParameters.Initialise(CartPoleShapes.Layout(8), 0), new Dictionary<string, string>()).Tensors.Values
            .Select(t => t.Name == "fc1.weight" ? SafeTensor.F32(t.Name, [8, 5], new double[40]) : t)).Write(wrongShape);

        (string[] Args, string Fragment)[] cases =
        [
            (["eval"], "eval needs --checkpoint"),
            (["eval", "--checkpoint", temp.Combine("missing.safetensors")], "missing.safetensors: no such file"),
            (["eval", "--checkpoint", temp.Path], "is a directory"),
            (["eval", "--checkpoint", truncated], "is not a valid safetensors file: its header length"),
            (["eval", "--checkpoint", garbage], "is not a valid safetensors file"),
            (["eval", "--checkpoint", wrongShape], "holds a policy of 5 observations and 2 actions: CartPole-v1 has 4 and 2"),
            (["eval", "--checkpoint", trained.Policy, "--greedy", "--sample"], "--greedy and --sample exclude each other"),
            (["eval", "--checkpoint", trained.Policy, "--device", "cuda"], "--device cuda is not valid: must be host"),
            (["eval", "--checkpoint", trained.Policy, "--episodes", "0"], "--episodes 0 is out of range"),
        ];
        foreach (var (args, fragment) in cases)
            CliRun.Of(args).AssertUsageError(fragment);
    }

    [Fact]
    public void Output_paths_that_cannot_be_written_are_refused_before_any_episode_plays()
    {
        using var temp = new TempDirectory();
        string file = temp.Combine("a-file");
        File.WriteAllText(file, "");
        string[] play = ["eval", "--checkpoint", trained.Policy, "--episodes", "1000000"];   // minutes, were it played

        CliRun.Of([.. play, "--out", Path.Combine(file, "eval.json")]).AssertUsageError($"--out {Path.Combine(file, "eval.json")} cannot be written", "is not a directory");
        CliRun.Of([.. play, "--out", temp.Path]).AssertUsageError($"--out {temp.Path} is a directory: must be a file path");
        CliRun.Of([.. play, "--render", temp.Combine("episode.png")]).AssertUsageError("--render", "episode.png is not an .svg name", "must end in .svg");
        CliRun.Of([.. play, "--render", temp.Path]).AssertUsageError("--render", "is not an .svg name");
        CliRun.Of([.. play, "--render", Path.Combine(file, "episode.svg")]).AssertUsageError("--render", "cannot be written");
        Assert.Equal([file], Directory.GetFileSystemEntries(temp.Path));
    }
}
