using System.Text.Json;

namespace PolicyGradient.Tests.Cli;

/// <summary>A policy of another environment travels through ONNX with its own shape and plays that environment.</summary>
public class EnvironmentExportTests
{
    [Theory]
    [InlineData("Acrobot-v1", 6, 3)]
    [InlineData("MountainCar-v0", 2, 3)]
    public void Export_writes_the_environments_shape_eval_draws_it_and_the_model_plays_what_the_checkpoint_plays(string id, int observations, int actions)
    {
        using var temp = new TempDirectory();
        string run = temp.Combine("run");
        Assert.Equal(0, CliRun.Of("train", "--env", id, "--envs", "16", "--max-iterations", "2", "--device", "cpu", "--quiet", "--out", run).Exit);
        string policy = Path.Combine(run, "policy.safetensors");
        string onnx = temp.Combine("policy.onnx");

        CliRun export = CliRun.Of("export", "--checkpoint", policy, "--onnx", onnx);

        Assert.True(export.Exit == 0, export.Stderr);
        Assert.Contains($"float [batch, {observations}], outputs logits and probs float [batch, {actions}]", export.Stdout);
        using (var model = new Microsoft.ML.OnnxRuntime.InferenceSession(onnx))
        {
            Assert.Equal([-1, observations], model.InputMetadata["obs"].Dimensions);
            Assert.Equal([-1, actions], model.OutputMetadata["logits"].Dimensions);
        }
        string fromCheckpoint = temp.Combine("checkpoint.json"), fromModel = temp.Combine("model.json");
        string svg = temp.Combine("episode.svg");
        Assert.Equal(0, CliRun.Of("eval", "--checkpoint", policy, "--episodes", "5", "--render", svg, "--out", fromCheckpoint).Exit);
        // The environment's own drawing: its id in the title, the episode's frames in an SVG that parses.
        Assert.Contains(id, System.Xml.Linq.XDocument.Load(svg).ToString());
        Assert.Equal(0, CliRun.Of("eval", "--onnx", onnx, "--episodes", "5", "--out", fromModel).Exit);
        JsonElement a = JsonDocument.Parse(File.ReadAllText(fromCheckpoint)).RootElement, b = JsonDocument.Parse(File.ReadAllText(fromModel)).RootElement;
        Assert.StartsWith(id, a.GetProperty("environment").GetString());
        Assert.Equal(a.GetProperty("environment").GetString(), b.GetProperty("environment").GetString());
        Assert.Equal(a.GetProperty("mean_length").GetDouble(), b.GetProperty("mean_length").GetDouble());
    }
}
