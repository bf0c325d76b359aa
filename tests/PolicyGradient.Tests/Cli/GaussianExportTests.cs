using System.Text.Json;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using PolicyGradient.Checkpoints;
using PolicyGradient.Reporting.Export;
using PolicyGradient.Kernels;
using PolicyGradient.Policy;

namespace PolicyGradient.Tests.Cli;

/// <summary>A Gaussian (continuous-action) policy exported to ONNX and played back through ONNX Runtime by eval.</summary>
public class GaussianExportTests
{
    /// <summary>
    /// ONNX Runtime's float32 means differ from pgvec's float64 forward (rounded to float32) in the
    /// last bits (GaussianOnnxModelTests), and the float64 environment carries that on: the returns
    /// agree to about 1e-9 relative, the table's rounded figures exactly.
    /// </summary>
    private const double ReturnTolerance = 1e-6;

    [Theory]
    [InlineData("Pendulum-v1", 3, "[-2, 2]", "--greedy")]
    [InlineData("Pendulum-v1", 3, "[-2, 2]", "--sample")]
    [InlineData("MountainCarContinuous-v0", 2, "[-1, 1]", "--greedy")]
    public void Eval_onnx_of_an_exported_Gaussian_policy_prints_the_table_and_report_eval_of_its_checkpoint_does(string id, int observations, string box, string mode)
    {
        using var temp = new TempDirectory();
        string run = temp.Combine("run");
        Assert.Equal(0, CliRun.Of("train", "--env", id, "--envs", "16", "--max-iterations", "2", "--device", "cpu", "--quiet", "--out", run).Exit);
        string policy = Path.Combine(run, "policy.safetensors"), onnx = temp.Combine("policy.onnx");

        CliRun export = CliRun.Of("export", "--checkpoint", policy, "--onnx", onnx);

        Assert.Equal((0, ""), (export.Exit, export.Stderr));
        Assert.Contains($"input obs float [batch, {observations}], outputs mean float [batch, 1], log_std float [1] and action float [batch, 1] (the mean clipped to the Box)", export.Stdout);
        using (var session = new InferenceSession(onnx))
        {
            Assert.Equal(["action", "log_std", "mean"], session.OutputMetadata.Keys.Order());
            Assert.Contains($"{id} policy, {observations}-32-1 gaussian MLP", session.ModelMetadata.Description);
            Assert.Contains($"the mean clipped to the Box {box}", session.ModelMetadata.Description);
        }
        string fromCheckpoint = temp.Combine("checkpoint.json"), fromModel = temp.Combine("model.json");
        CliRun a = CliRun.Of("eval", "--checkpoint", policy, mode, "--episodes", "3", "--seed", "2", "--out", fromCheckpoint);
        CliRun b = CliRun.Of("eval", "--onnx", onnx, mode, "--episodes", "3", "--seed", "2", "--out", fromModel);

        Assert.Equal((0, ""), (b.Exit, b.Stderr));
        Assert.Equal(0, a.Exit);
        Assert.StartsWith($"eval: 3 {mode[2..]} episodes of {onnx} (a {observations}-32-1 gaussian policy) through ONNX Runtime, seed 2, on {id} ", b.StdoutLines[0]);
        Assert.Equal(a.StdoutLines[1..^1], b.StdoutLines[1..^1]);
        JsonElement expected = JsonDocument.Parse(File.ReadAllText(fromCheckpoint)).RootElement, actual = JsonDocument.Parse(File.ReadAllText(fromModel)).RootElement;
        Assert.Equal(onnx, actual.GetProperty("checkpoint").GetString());
        string[] returns = ["mean_return", "min_return", "max_return"];
        Assert.Equal(
            expected.EnumerateObject().Where(p => p.Name != "checkpoint" && !returns.Contains(p.Name)).Select(p => (p.Name, p.Value.GetRawText())),
            actual.EnumerateObject().Where(p => p.Name != "checkpoint" && !returns.Contains(p.Name)).Select(p => (p.Name, p.Value.GetRawText())));
        foreach (string name in returns)
        {
            double value = expected.GetProperty(name).GetDouble();
            Assert.Equal(value, actual.GetProperty(name).GetDouble(), ReturnTolerance * Math.Abs(value));
        }
    }

    [Fact]
    public void A_Gaussian_model_of_a_shape_no_environment_has_is_refused_naming_the_shapes()
    {
        using var temp = new TempDirectory();
        string onnx = temp.Combine("four.onnx");
        // 4 observations to a 1-dimensional Gaussian action: CartPole's observations, Pendulum's Box.
        var policy = PolicyParameters.Initialise(new PolicyLayout(4, 8, 1, PolicyHead.Gaussian), 0);
        File.WriteAllBytes(onnx, OnnxPolicyModel.Build(policy, "Pendulum-v1", new Dictionary<string, string>(), "test").ToByteArray());

        CliRun.Of("eval", "--onnx", onnx).AssertUsageError(
            $"--onnx {onnx} maps 4 observations to 1 Gaussian action dimension: no environment has that shape (CartPole-v1 4 to 2 actions,",
            "MountainCar-v0 2 to 3 actions, Pendulum-v1 3 to 1 Gaussian action dimension, MountainCarContinuous-v0 2 to 1 Gaussian action dimension)");
    }

    [Fact]
    public void A_Gaussian_checkpoint_exports_the_float32_tensors_log_std_included()
    {
        using var temp = new TempDirectory();
        string run = temp.Combine("run"), onnx = temp.Combine("policy.onnx");
        Assert.Equal(0, CliRun.Of("train", "--env", "Pendulum-v1", "--envs", "16", "--max-iterations", "1", "--device", "cpu", "--quiet", "--out", run).Exit);
        string checkpoint = Path.Combine(run, "checkpoint.safetensors");

        Assert.Equal(0, CliRun.Of("export", "--checkpoint", checkpoint, "--onnx", onnx).Exit);

        var model = PolicyGradient.Reporting.Export.Onnx.ModelProto.Parser.ParseFrom(File.ReadAllBytes(onnx));
        SafeTensorsFile file = SafeTensorsFile.Read(checkpoint);
        SafeTensorsFile policy = PolicyTensors.PolicyFile(PolicyTensors.Read(file), file.Metadata);
        Assert.Equal(["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias", "log_std", "action_low", "action_high"], model.Graph.Initializer.Select(t => t.Name));
        foreach (var tensor in model.Graph.Initializer.Take(5))
            Assert.Equal(policy.Tensor(tensor.Name).Data, tensor.RawData.ToByteArray());
        Assert.Contains(model.MetadataProps, p => p.Key == "env" && p.Value == "Pendulum-v1");
    }
}
