using System.Security.Cryptography;
using System.Text.Json;
using ILGPU.Runtime.Cuda;
using PolicyGradient.Checkpoints;
using PolicyGradient.Devices;
using PolicyGradient.Environment.Assemblies;
using PolicyGradient.Tests.Environment;

namespace PolicyGradient.Tests.Cli;

/// <summary>One small train run of tests/UserEnvironments' Corridor-v0 through --env-assembly, made once for the tests that read it.</summary>
public sealed class CorridorRun : IDisposable
{
    private readonly TempDirectory _temp = new();

    public CorridorRun()
    {
        Run = CliRun.Of("train", "--env-assembly", UserEnvironmentsAssembly.Path, "--env", "Corridor-v0", "--envs", "32", "--hidden", "8",
            "--max-iterations", "3", "--device", "cpu", "--quiet", "--out", Directory);
        // Another build of the same assembly: one byte more than the file the run trained with.
        File.WriteAllBytes(OtherBuild, [.. File.ReadAllBytes(UserEnvironmentsAssembly.Path), 0]);
    }

    public CliRun Run { get; }
    public string Directory => _temp.Combine("run");
    public string Policy => Path.Combine(Directory, "policy.safetensors");
    public string OtherBuild => _temp.Combine("UserEnvironments.dll");
    public string Temp(string name) => _temp.Combine(name);

    public static string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(UserEnvironmentsAssembly.Path)));

    public void Dispose() => _temp.Dispose();
}

/// <summary>A user's environment, given as --env-assembly DLL: trained, recorded, played again only with the very assembly, checked.</summary>
public class EnvAssemblyVerbTests(CorridorRun corridor) : IClassFixture<CorridorRun>
{
    private static readonly string Dll = UserEnvironmentsAssembly.Path;

    [Fact]
    public void Train_trains_it_on_the_CPU_accelerator_and_records_the_environment_and_its_assembly()
    {
        Assert.Equal(0, corridor.Run.Exit);
        Assert.Contains("not solved (no target: --target-return not given and the environment declares none) after 3 iterations", corridor.Run.Stdout);

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(corridor.Directory, "summary.json")));
        Assert.Equal("Corridor-v0", summary.RootElement.GetProperty("env").GetString());
        JsonElement assembly = summary.RootElement.GetProperty("env_assembly");
        Assert.Equal(("UserEnvironments", "1.2.0.0", CorridorRun.Sha256),
            (assembly.GetProperty("name").GetString(), assembly.GetProperty("version").GetString(), assembly.GetProperty("sha256").GetString()));
        Assert.InRange(summary.RootElement.GetProperty("greedy_eval_mean_return").GetDouble(), -50, -1);

        foreach (string file in new[] { "policy.safetensors", "checkpoint.safetensors" })
        {
            var metadata = SafeTensorsFile.Read(Path.Combine(corridor.Directory, file)).Metadata;
            Assert.Equal("Corridor-v0", metadata["env"]);
            Assert.Equal(Dll, metadata["env-assembly"]);
            Assert.Equal(("UserEnvironments", "1.2.0.0", CorridorRun.Sha256), (metadata["env_assembly_name"], metadata["env_assembly_version"], metadata["env_assembly_sha256"]));
        }
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(corridor.Directory, "config.json")));
        Assert.Equal(Dll, config.RootElement.GetProperty("options").GetProperty("env-assembly").GetString());
        Assert.Equal(JsonValueKind.Null, config.RootElement.GetProperty("options").GetProperty("target-return").ValueKind);
    }

    [Fact]
    public void Eval_plays_its_checkpoint_with_the_assembly_the_run_recorded_or_the_one_given()
    {
        foreach (string[] assembly in new[] { Array.Empty<string>(), ["--env-assembly", Dll] })
        {
            var run = CliRun.Of(["eval", "--checkpoint", corridor.Policy, "--episodes", "5", .. assembly, "--out", corridor.Temp($"eval{assembly.Length}.json")]);

            Assert.Equal(0, run.Exit);
            Assert.Contains($"on Corridor-v0 (float32 struct of UserEnvironments 1.2.0.0 (sha256 {CorridorRun.Sha256[..12]}...), host)", run.StdoutLines[0]);
        }
    }

    [Fact]
    public void Eval_refuses_another_build_of_the_assembly_naming_both_hashes()
    {
        CliRun.Of("eval", "--checkpoint", corridor.Policy, "--env-assembly", corridor.OtherBuild, "--out", corridor.Temp("refused.json"))
            .AssertUsageError($"--env-assembly {corridor.OtherBuild} is UserEnvironments 1.2.0.0 (sha256 ",
                $"but --checkpoint {corridor.Policy} was trained on Corridor-v0 from UserEnvironments 1.2.0.0 (sha256 {CorridorRun.Sha256[..12]}...)",
                "give the assembly it was trained with");
        Assert.False(File.Exists(corridor.Temp("refused.json")));
    }

    [Fact]
    public void Eval_of_a_built_in_policy_refuses_an_assembly_and_render_is_the_built_ins_only()
    {
        using var temp = new TempDirectory();
        Assert.Equal(0, CliRun.Of("train", "--envs", "8", "--hidden", "4", "--max-iterations", "1", "--device", "cpu", "--quiet", "--out", temp.Combine("cartpole")).Exit);

        CliRun.Of("eval", "--checkpoint", temp.Combine("cartpole", "policy.safetensors"), "--env-assembly", Dll)
            .AssertUsageError($"--env-assembly {Dll} was given, but --checkpoint", "was trained on the built-in CartPole-v1: leave --env-assembly out");
        CliRun.Of("eval", "--checkpoint", corridor.Policy, "--render", temp.Combine("episode.svg"))
            .AssertUsageError("--render draws the built-in environments only: Corridor-v0 is your own environment");
    }

    [Fact]
    public void Resume_and_init_from_find_the_environment_again_and_refuse_another_build()
    {
        string copy = corridor.Temp("resumed");
        System.IO.Directory.CreateDirectory(copy);
        foreach (string file in System.IO.Directory.GetFiles(corridor.Directory))
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));

        CliRun.Of("train", "--resume", copy, "--max-iterations", "4", "--env-assembly", corridor.OtherBuild)
            .AssertUsageError($"--env-assembly {corridor.OtherBuild} is UserEnvironments", $"but the run in {copy} was trained on Corridor-v0 from UserEnvironments");
        CliRun.Of("train", "--init-from", corridor.Policy, "--env-assembly", corridor.OtherBuild, "--out", corridor.Temp("refused"))
            .AssertUsageError($"but --init-from {corridor.Policy} was trained on Corridor-v0 from UserEnvironments");

        var resumed = CliRun.Of("train", "--resume", copy, "--max-iterations", "4", "--quiet");
        Assert.Equal(0, resumed.Exit);
        Assert.Equal(4, JsonDocument.Parse(File.ReadAllText(Path.Combine(copy, "summary.json"))).RootElement.GetProperty("iterations").GetInt32());
        var started = CliRun.Of("train", "--init-from", corridor.Policy, "--env-assembly", Dll, "--envs", "8", "--max-iterations", "1", "--device", "cpu", "--out", corridor.Temp("started"));
        Assert.Equal(0, started.Exit);
        Assert.Contains($"pgvec: starting from the 2-8-2 policy in {corridor.Policy}", started.StderrLines);
    }

    [Fact]
    public void Export_needs_no_assembly_and_names_the_environment()
    {
        var run = CliRun.Of("export", "--checkpoint", corridor.Policy, "--onnx", corridor.Temp("corridor.onnx"));

        Assert.Equal(0, run.Exit);
        Assert.StartsWith($"export: the 2-8-2 policy of {corridor.Policy} as ONNX", run.StdoutLines[0]);
    }

    [Theory]
    [InlineData("Corridor-v0")]
    [InlineData("Balance")]
    [InlineData("Thrust-v0")]
    public void Check_env_passes_on_it(string env)
    {
        var run = CliRun.Of("check-env", "--env-assembly", Dll, "--env", env, "--episodes", "8");

        Assert.Equal(0, run.Exit);
        Assert.StartsWith($"check-env: {(env == "Balance" ? "Balance-v0" : env)} from UserEnvironments 1.2.0.0 (sha256 {CorridorRun.Sha256[..12]}...)", run.StdoutLines[0]);
        Assert.Matches(@"^18 checks in [\d.]+ s: \d+ passed, \d+ warnings, 0 failed, \d+ skipped$", run.StdoutLines[^1]);
        Assert.Contains(run.StdoutLines, l => l.StartsWith("PASS  compiles to PTX sm_90: 4 kernels"));
        Assert.Contains(run.StdoutLines, l => l.StartsWith("PASS  host and device agree"));
    }

    [Fact]
    public void Check_env_fails_with_exit_1_naming_the_first_failure()
    {
        var run = CliRun.Of("check-env", "--env-assembly", Dll, "--env", "Unbounded-v0", "--episodes", "4");

        Assert.Equal(1, run.Exit);
        string failure = Assert.Single(run.StdoutLines, l => l.StartsWith("FAIL"));
        Assert.Matches(@"^FAIL  observations within declared bounds: episode \d+, step \d+: observation\[0\] -?2 is (above ObservationHigh\[0\] 1|below ObservationLow\[0\] -1)$", failure);
        Assert.Matches(@"^18 checks in [\d.]+ s: \d+ passed, \d+ warnings, 1 failed, 0 skipped$", run.StdoutLines[^1]);
        Assert.Equal($"pgvec: error: Unbounded-v0 fails check-env: {failure[6..]}", Assert.Single(run.StderrLines, l => l.StartsWith("pgvec: error:")));
    }

    [Theory]
    [InlineData("Coridor-v0", "has no environment Coridor-v0 (did you mean Corridor-v0?): it holds Balance-v0 (Balance), Corridor-v0 (Corridor), Thrust-v0 (Thrust), Unbounded-v0 (Unbounded)")]
    [InlineData("balanse", "has no environment balanse (did you mean Balance?)")]
    [InlineData("CorridorState", "UserEnvironments.CorridorState in", "is not an environment: it implements neither IDiscreteEnvironment<TState, TObservation> nor IContinuousEnvironment<TState, TObservation, TAction> and lacks Id, MaxEpisodeSteps")]
    public void A_name_the_assembly_does_not_hold_is_refused_with_the_closest_and_what_it_holds(string env, params string[] fragments)
    {
        foreach (string verb in new[] { "train", "check-env", "replay" })
        {
            string[] more = verb == "replay" ? ["--state", "0", "--actions", "1"] : [];
            CliRun.Of([verb, "--env-assembly", Dll, "--env", env, .. more]).AssertUsageError([Dll, .. fragments]);
        }
    }

    [Fact]
    public void A_missing_file_or_an_assembly_of_several_environments_without_env_is_one_line()
    {
        CliRun.Of("train", "--env-assembly", corridor.Temp("none.dll")).AssertUsageError($"--env-assembly {corridor.Temp("none.dll")}: no such file");
        CliRun.Of("check-env", "--env-assembly", Dll).AssertUsageError($"{Dll} holds 4 environments (Balance-v0 (Balance), Corridor-v0 (Corridor), Thrust-v0 (Thrust), Unbounded-v0 (Unbounded)): name one with --env");
        CliRun.Of("baseline", "--env-assembly", Dll).AssertUsageError("unknown option --env-assembly for baseline");
    }

    [Fact]
    public void Its_kernels_compile_to_PTX()
    {
        foreach (string env in new[] { "Corridor-v0", "Balance-v0", "Thrust-v0" })
        {
            var kernels = EnvironmentAssembly.Load(Dll).Find(env).Device.KernelEntryPoints().ToList();
            var compiled = KernelCompilation.Ptx(CudaArchitecture.SM_90, kernels);

            Assert.Equal(kernels.Select(k => k.Name), compiled.Select(c => c.Kernel.Name));
            Assert.All(compiled, c => Assert.Contains(".visible .entry ", c.Source));
        }
    }

    [Fact]
    public void Replay_steps_it_on_the_host_and_the_device_alike()
    {
        string[] args = ["replay", "--env-assembly", Dll, "--env", "Balance-v0", "--state", "0.1,-0.05", "--actions", "0122"];

        var host = CliRun.Of(args);
        var device = CliRun.Of([.. args, "--engine", "device", "--device", "cpu"]);

        Assert.Equal(0, host.Exit);
        Assert.Equal(4, host.StdoutLines.Length);
        Assert.Equal(host.StdoutLines, device.StdoutLines);
        CliRun.Of("replay", "--env-assembly", Dll, "--env", "Balance-v0", "--state", "0.1", "--actions", "0")
            .AssertUsageError("--state 0.1 has 1 number: Balance-v0's state is 2 comma-separated finite numbers X,Velocity");
    }

    [Fact]
    public void Bench_measures_it_with_its_baseline_on_the_host_and_skips_the_crossover_table()
    {
        string report = corridor.Temp("bench.json");
        var run = CliRun.Of("bench", "--env-assembly", Dll, "--env", "Corridor-v0", "--device", "cpu", "--envs", "16", "--seeds", "0", "--solve-envs", "16",
            "--solve-max-seconds", "0.2", "--min-seconds", "0.01", "--sweep-agents", "0", "--floor-envs", "0", "--crossover-runs", "1", "--out", report);

        Assert.Equal(0, run.Exit);
        Assert.Contains("Crossover: skipped, its fresh processes run the built-in environments (baseline has no --env-assembly), not Corridor-v0", run.StdoutLines);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        Assert.Equal("Corridor-v0", json.RootElement.GetProperty("env").GetString());
        Assert.True(Assert.Single(json.RootElement.GetProperty("solve_times").EnumerateArray()).GetProperty("baseline_episodes").GetInt32() > 0);
    }

    [Fact]
    public void Sweep_trains_each_of_its_environments_and_records_the_assembly()
    {
        using var temp = new TempDirectory();
        var run = CliRun.Of("sweep", "--env-assembly", Dll, "--env", "Corridor-v0,Balance-v0", "--seeds", "0-1", "--envs", "8", "--hidden", "4",
            "--max-iterations", "2", "--device", "cpu", "--quiet", "--out", temp.Path, "--overwrite");

        Assert.Equal(0, run.Exit);
        using var sweep = JsonDocument.Parse(File.ReadAllText(temp.Combine("sweep.json")));
        Assert.Equal(CorridorRun.Sha256, sweep.RootElement.GetProperty("env_assembly").GetProperty("sha256").GetString());
        Assert.All(sweep.RootElement.GetProperty("configurations").EnumerateArray(), c => Assert.Equal(JsonValueKind.Null, c.GetProperty("target_return").ValueKind));
        var metadata = SafeTensorsFile.Read(temp.Combine("policies", "agent-003.safetensors")).Metadata;
        Assert.Equal(("Balance-v0", CorridorRun.Sha256), (metadata["env"], metadata["env_assembly_sha256"]));
        CliRun.Of("sweep", "--env-assembly", Dll, "--env", "Corridor-v0,,Balance-v0").AssertUsageError("--env Corridor-v0,,Balance-v0 has an empty item");
    }
}
