using PolicyGradient.Batched;
using PolicyGradient.Devices;

namespace PolicyGradient.Tests.Cli;

/// <summary>A batch past the kernels' 32-bit indices is refused with one line before anything is allocated or written, on any device.</summary>
public class IndexLimitVerbTests
{
    [SkippableTheory]
    [InlineData(1, new[] { "train", "--envs", "1048576", "--hidden", "1024" },
        "pgvec: error: --envs 1,048,576 with --hidden 1024 needs 7,520,387,072 gradient-row doubles on the device, past the 2,147,483,647 that the kernels' 32-bit indices reach; the largest --envs for --hidden 1024 is 299,426")]
    [InlineData(4, new[] { "sweep", "--envs", "100000", "--hidden", "1024", "--seeds", "0-3" },
        "pgvec: error: 4 agents x --envs 100,000 = 400,000 envs with --hidden 1024 need 2,868,800,000 gradient-row doubles on the device, past the 2,147,483,647 that the kernels' 32-bit indices reach; the largest --envs for 4 agents with --hidden 1024 is 74,856")]
    public void A_batch_past_32_bit_indices_is_refused_with_the_largest_envs_and_leaves_no_run_directory(int agents, string[] args, string line)
    {
        // Where the host's memory holds fewer envs than the indices reach, the memory's refusal speaks instead (DeviceMemoryTests).
        long atIndexLimit = IndexLimits.ForBatch(CartPoleShapes.Layout(1024), 500).LargestEnvs / agents * agents * CartPoleShapes.Device.BytesPerEnv(1024, 500);
        using (var cpu = ComputeDevice.Open(DeviceKind.Cpu, TextWriter.Null))
            Skip.If(DeviceMemory.Available(cpu) * 0.9 < atIndexLimit, "this machine's memory is the tighter limit");
        using var dir = new TempDirectory();
        string directory = dir.Combine("run");

        var run = CliRun.Of([.. args, "--device", "cpu", "--quiet", "--out", directory]);

        run.AssertRuntimeFailure();
        Assert.Equal(line, Assert.Single(run.StderrLines));
        Assert.False(Directory.Exists(directory), "a refused run left its directory");
    }
}
