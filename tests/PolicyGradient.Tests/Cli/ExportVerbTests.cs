using System.Diagnostics;
using System.Text.Json;
using Google.Protobuf;
using Pgvec.Commands;
using PolicyGradient.Checkpoints;
using PolicyGradient.Reporting.Export;
using PolicyGradient.Reporting.Export.Onnx;
using PolicyGradient.Output;
using PolicyGradient.Policy;

namespace PolicyGradient.Tests.Cli;

public class ExportVerbTests(TrainedRun trained) : IClassFixture<TrainedRun>
{
    private static JsonElement ReadJson(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement;

    [Theory]
    [InlineData("policy.safetensors")]
    [InlineData("checkpoint.safetensors")]
    public void Eval_onnx_of_an_exported_model_prints_and_reports_what_eval_of_its_checkpoint_does(string file)
    {
        using var temp = new TempDirectory();
        string source = Path.Combine(trained.Directory, file), onnx = temp.Combine("policy.onnx");

        var export = CliRun.Of("export", "--checkpoint", source, "--onnx", onnx);
        var fromOnnx = CliRun.Of("eval", "--onnx", onnx, "--greedy", "--episodes", "20", "--seed", "9", "--out", temp.Combine("onnx.json"));
        var fromCheckpoint = CliRun.Of("eval", "--checkpoint", source, "--greedy", "--episodes", "20", "--seed", "9", "--out", temp.Combine("checkpoint.json"));

        Assert.Equal((0, ""), (export.Exit, export.Stderr));
        Assert.Equal(onnx, export.StdoutLines[^1]);
        Assert.Equal((0, ""), (fromOnnx.Exit, fromOnnx.Stderr));
        Assert.Equal(0, fromCheckpoint.Exit);
        Assert.StartsWith($"eval: 20 greedy episodes of {onnx} (a 4-{TrainedRun.Hidden}-2 policy) through ONNX Runtime, seed 9, on ", fromOnnx.StdoutLines[0]);
        Assert.Equal(fromCheckpoint.StdoutLines[1..^1], fromOnnx.StdoutLines[1..^1]);
        JsonElement expected = ReadJson(temp.Combine("checkpoint.json")), actual = ReadJson(temp.Combine("onnx.json"));
        Assert.Equal(onnx, actual.GetProperty("checkpoint").GetString());
        Assert.Equal(
            expected.EnumerateObject().Where(p => p.Name != "checkpoint").Select(p => (p.Name, p.Value.GetRawText())),
            actual.EnumerateObject().Where(p => p.Name != "checkpoint").Select(p => (p.Name, p.Value.GetRawText())));
    }

    [Fact]
    public void The_model_holds_the_policy_pgvecs_version_and_the_runs_configuration()
    {
        using var temp = new TempDirectory();
        string onnx = temp.Combine("policy.onnx");

        Assert.Equal(0, CliRun.Of("export", "--checkpoint", trained.Checkpoint, "--onnx", onnx).Exit);

        ModelProto model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(onnx));
        SafeTensorsFile checkpoint = SafeTensorsFile.Read(trained.Checkpoint);
        Assert.Equal("pgvec", model.ProducerName);
        Assert.Equal(PgvecVersion.Text, model.ProducerVersion);
        Assert.Equal(checkpoint.Metadata.OrderBy(p => p.Key, StringComparer.Ordinal), model.MetadataProps.Select(p => KeyValuePair.Create(p.Key, p.Value)));
        Assert.Contains(model.MetadataProps, p => p.Key == "seed" && p.Value == $"{TrainedRun.Seed}");
        // The float64 checkpoint goes in as the float32 policy.safetensors holds.
        PolicyParameters policy = PolicyTensors.Read(checkpoint);
        Assert.Equal(
            PolicyTensors.PolicyFile(policy, checkpoint.Metadata).Tensors.Values.OrderBy(t => t.Name).Select(t => t.Data),
            model.Graph.Initializer.OrderBy(t => t.Name).Select(t => t.RawData.ToByteArray()));
    }

    [Fact]
    public void Overwrite_replaces_an_existing_file_whole()
    {
        using var temp = new TempDirectory();
        string onnx = temp.Combine("policy.onnx");
        File.WriteAllText(onnx, "an older model");

        var run = CliRun.Of("export", "--checkpoint", trained.Policy, "--onnx", onnx, "--overwrite");

        Assert.Equal(0, run.Exit);
        using var model = OnnxPolicy.Load(onnx);
        Assert.Equal(TrainedRun.Hidden, model.Hidden);
        Assert.Equal([onnx], Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void Bad_export_inputs_exit_2_with_one_line_and_write_nothing()
    {
        using var temp = new TempDirectory();
        string truncated = temp.Combine("truncated.safetensors"), garbage = temp.Combine("garbage.safetensors");
        string existing = temp.Combine("existing.onnx"), onnx = temp.Combine("policy.onnx");
        File.WriteAllBytes(truncated, File.ReadAllBytes(trained.Policy)[..100]);
        File.WriteAllText(garbage, "this is not a safetensors file at all");
        File.WriteAllText(existing, "keep me");
        string[] before = Directory.GetFileSystemEntries(temp.Path);

        (string[] Args, string Fragment)[] cases =
        [
            (["export", "--onnx", onnx], "export needs --checkpoint"),
            (["export", "--checkpoint", trained.Policy], "export needs --onnx"),
            (["export", "--checkpoint", temp.Combine("missing.safetensors"), "--onnx", onnx], "missing.safetensors: no such file"),
            (["export", "--checkpoint", temp.Path, "--onnx", onnx], "is a directory"),
            (["export", "--checkpoint", truncated, "--onnx", onnx], "is not a valid safetensors file: its header length"),
            (["export", "--checkpoint", garbage, "--onnx", onnx], "is not a valid safetensors file"),
            (["export", "--checkpoint", trained.Policy, "--onnx", temp.Combine("no-such-directory", "policy.onnx")], "no-such-directory does not exist"),
            (["export", "--checkpoint", trained.Policy, "--onnx", temp.Path], "is a directory: must be a file path"),
            (["export", "--checkpoint", trained.Policy, "--onnx", existing], $"--onnx {existing} already exists: choose another path, or give --overwrite"),
        ];
        foreach (var (args, fragment) in cases)
            CliRun.Of(args).AssertUsageError(fragment);

        Assert.Equal(before, Directory.GetFileSystemEntries(temp.Path));
        Assert.Equal("keep me", File.ReadAllText(existing));
    }

    [Fact]
    public void Bad_eval_onnx_inputs_exit_2_with_one_line()
    {
        using var temp = new TempDirectory();
        string garbage = temp.Combine("garbage.onnx"), renamed = temp.Combine("renamed.onnx");
        File.WriteAllText(garbage, "this is not an ONNX model");
        ModelProto model = OnnxPolicyModel.Build(PolicyTensors.Read(trained.Policy), "CartPole-v1", new Dictionary<string, string>(), "test");
        model.Graph.Input[0].Name = "state";
        model.Graph.Node[0].Input[0] = "state";
        File.WriteAllBytes(renamed, model.ToByteArray());

        (string[] Args, string Fragment)[] cases =
        [
            (["eval"], "eval needs --checkpoint (a .safetensors file) or --onnx (an .onnx file)"),
            (["eval", "--checkpoint", trained.Policy, "--onnx", renamed], "--checkpoint and --onnx exclude each other"),
            (["eval", "--onnx", temp.Combine("missing.onnx")], "missing.onnx: no such file"),
            (["eval", "--onnx", temp.Path], "is a directory: must be an .onnx file"),
            (["eval", "--onnx", garbage], "is not a policy model pgvec can play: ONNX Runtime cannot load it"),
            (["eval", "--onnx", trained.Policy], "is not a policy model pgvec can play: ONNX Runtime cannot load it"),
            (["eval", "--onnx", renamed], "is not a policy model pgvec can play: its inputs are (state)"),
        ];
        foreach (var (args, fragment) in cases)
            CliRun.Of(args).AssertUsageError(fragment);
    }

    /// <summary>ONNX Runtime's native logger writes to the process's stderr, past the writers the in-process tests capture.</summary>
    [Fact]
    public void In_a_real_process_ONNX_Runtime_adds_no_line_to_stderr()
    {
        using var temp = new TempDirectory();
        string onnx = temp.Combine("policy.onnx"), garbage = temp.Combine("garbage.onnx");
        File.WriteAllText(garbage, "this is not an ONNX model");
        Assert.Equal(0, CliRun.Of("export", "--checkpoint", trained.Policy, "--onnx", onnx).Exit);

        var played = Pgvec("eval", "--onnx", onnx, "--episodes", "2", "--out", temp.Combine("eval.json"));
        var refused = Pgvec("eval", "--onnx", garbage);

        Assert.Equal((0, ""), (played.Exit, played.Stderr));
        Assert.Equal(2, refused.Exit);
        Assert.StartsWith($"pgvec: --onnx {garbage} is not a policy model pgvec can play", Assert.Single(refused.StderrLines));
    }

    private static CliRun Pgvec(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "pgvec.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new CliRun(process.ExitCode, stdout, stderr.Result);
    }
}
