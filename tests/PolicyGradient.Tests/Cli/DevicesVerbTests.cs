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
        Assert.Matches(@"^auto picks: (cuda|opencl|cpu) \(.+\): .+", run.StdoutLines[^1]);
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
