using System.Text.Json;
using PolicyGradient.Devices;

namespace PolicyGradient.Tests.Cli;

public class DevicesVerbTests
{
    [Fact]
    public void Devices_lists_every_accelerator_with_its_facts_and_the_one_auto_picks_with_why()
    {
        var run = CliRun.Of("devices");

        Assert.Equal(0, run.Exit);
        var found = ComputeDevice.List();
        Assert.NotEmpty(found);
        foreach (DeviceFacts d in found)
        {
            int at = Array.FindIndex(run.StdoutLines, l => l.StartsWith(d.Kind.Name()) && l.Contains(d.Name));
            Assert.True(at >= 0, $"no line for {d.Kind.Name()} {d.Name}");
            string facts = run.StdoutLines[at + 1];
            Assert.Contains($"{d.Multiprocessors} multiprocessor{(d.Multiprocessors == 1 ? "" : "s")}, warp size {d.WarpSize}", facts);
            Assert.Contains($"max threads per group {d.MaxThreadsPerGroup}, per multiprocessor {d.MaxThreadsPerMultiprocessor}", facts);
        }
        Assert.Single(run.StdoutLines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^auto picks: (cuda|opencl|cpu) \(.+\): .+"));
    }

    [Fact]
    public void Devices_says_which_CUDA_driver_loaded_or_why_none_did()
    {
        var run = CliRun.Of("devices");

        Assert.Equal(0, run.Exit);
        string driver = Assert.Single(run.StdoutLines, l => l.StartsWith("cuda driver: "));
        Assert.Equal(CudaDriverProbe.Run().Line(), driver);
        if (!ComputeDevice.List().Any(d => d.Kind == DeviceKind.Cuda))
        {
            // Here auto's reason says why there is no CUDA device too, not just that there is none.
            Assert.Contains($"no cuda device found ({CudaDriverProbe.Run().Reason()})", run.StdoutLines.Single(l => l.StartsWith("auto picks: ")));
        }
    }

    [Fact]
    public void Devices_loads_every_kernel_on_a_GPU_and_not_on_the_CPU_accelerator()
    {
        var run = CliRun.Of("devices", "--json");

        Assert.Equal(0, run.Exit);
        using var json = JsonDocument.Parse(run.Stdout);
        var kernels = json.RootElement.GetProperty("kernels");
        if (json.RootElement.GetProperty("auto").GetProperty("kind").GetString() == "cpu")
        {
            Assert.Equal(JsonValueKind.Null, kernels.ValueKind);
        }
        else
        {
            Assert.Equal(KernelEntryPoints.All.Count, kernels.GetProperty("loaded").GetInt32());
            Assert.True(kernels.GetProperty("all_loaded").GetBoolean());
        }
        Assert.Equal(CudaDriverProbe.Run().Loaded, json.RootElement.GetProperty("cuda_driver").GetProperty("loaded").GetBoolean());
    }

    [Theory]
    [InlineData("8.4")]
    [InlineData("8.5")]
    [InlineData("8.7")]
    public void Devices_ptx_isa_writes_the_PTX_an_older_driver_gets(string isa)
    {
        using var dir = new TempDirectory();
        string ptx = dir.Combine("ptx");

        var run = CliRun.Of("devices", "--ptx", ptx, "--ptx-isa", isa);

        Assert.Equal(0, run.Exit);
        Assert.Equal(KernelEntryPoints.All.Count, Directory.GetFiles(ptx).Length);
        foreach (string file in Directory.GetFiles(ptx))
            Assert.Contains($"\n.version {isa}\n", File.ReadAllText(file).ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("9.1")]
    [InlineData("7.0")]
    [InlineData("8")]
    [InlineData("eight")]
    public void Devices_ptx_isa_that_ILGPU_does_not_emit_for_sm_90_is_a_usage_error_listing_those_it_does(string isa)
    {
        using var dir = new TempDirectory();

        CliRun.Of("devices", "--ptx", dir.Combine("ptx"), "--ptx-isa", isa)
            .AssertUsageError($"--ptx-isa {isa} is not a PTX ISA ILGPU emits for sm_90: must be one of 7.8, 8.0, 8.1, 8.2, 8.3, 8.4, 8.5, 8.6, 8.7, 8.8");
    }

    [Fact]
    public void Devices_ptx_isa_without_ptx_is_a_usage_error()
    {
        CliRun.Of("devices", "--ptx-isa", "8.4").AssertUsageError("--ptx-isa 8.4 needs --ptx DIR");
    }

    [Fact]
    public void Devices_json_holds_the_same_facts_for_scripts()
    {
        var run = CliRun.Of("devices", "--json");

        Assert.Equal(0, run.Exit);
        using var json = JsonDocument.Parse(run.Stdout);
        var devices = json.RootElement.GetProperty("devices").EnumerateArray().ToList();
        var found = ComputeDevice.List();
        Assert.Equal(found.Count, devices.Count);
        for (int i = 0; i < found.Count; i++)
        {
            Assert.Equal(found[i].Kind.Name(), devices[i].GetProperty("kind").GetString());
            Assert.Equal(found[i].Name, devices[i].GetProperty("name").GetString());
            Assert.Equal(found[i].MemoryBytes > 0, devices[i].GetProperty("memory_bytes").GetInt64() > 0);
            Assert.Equal(found[i].WarpSize, devices[i].GetProperty("warp_size").GetInt32());
            Assert.Equal(found[i].MaxThreadsPerMultiprocessor, devices[i].GetProperty("max_threads_per_multiprocessor").GetInt32());
            foreach (string field in new[] { "multiprocessors", "max_threads_per_group", "compute_capability", "driver_version", "ptx_target", "opencl_vendor", "opencl_c_version" })
                Assert.True(devices[i].TryGetProperty(field, out _), field);
        }
        var auto = json.RootElement.GetProperty("auto");
        Assert.Contains(auto.GetProperty("kind").GetString(), new[] { "cuda", "opencl", "cpu" });
        Assert.False(string.IsNullOrWhiteSpace(auto.GetProperty("reason").GetString()));
    }

    [Fact]
    public void Devices_ptx_writes_one_PTX_file_per_kernel_as_ILGPU_compiles_it_for_sm_90()
    {
        using var dir = new TempDirectory();
        string ptx = dir.Combine("ptx");

        var run = CliRun.Of("devices", "--ptx", ptx);

        Assert.Equal(0, run.Exit);
        Assert.Equal(KernelEntryPoints.All.Select(k => $"{k.Name}.ptx").Order(), Directory.GetFiles(ptx).Select(Path.GetFileName).Order());
        foreach (string file in Directory.GetFiles(ptx))
        {
            string text = File.ReadAllText(file);
            Assert.Contains(".visible .entry ", text);
            Assert.Contains(".target sm_80", text);
            Assert.Contains($"wrote {file}", run.StdoutLines);
        }
    }

    [Fact]
    public void Devices_ptx_naming_a_file_is_a_usage_error()
    {
        using var dir = new TempDirectory();
        string file = dir.Combine("taken");
        File.WriteAllText(file, "");

        CliRun.Of("devices", "--ptx", file).AssertUsageError("--ptx", "is a file");
    }
}
