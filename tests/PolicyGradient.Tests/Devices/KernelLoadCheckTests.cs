using System.Reflection;
using ILGPU;
using ILGPU.Runtime;
using PolicyGradient.Devices;
using PolicyGradient.Tests.Kernels;

namespace PolicyGradient.Tests.Devices;

/// <summary>`pgvec devices` on a GPU loads every kernel (the driver JIT-compiles its PTX there) and names the one that fails.</summary>
[Collection(CpuDeviceCollection.Name)]
public class KernelLoadCheckTests(CpuDeviceFixture fixture)
{
    /// <summary>A kernel no accelerator can load: a class cannot cross to a device.</summary>
    public static void TakesAClass(Index1D index, ArrayView<int> values, Unloadable unloadable) => values[index] = 1;

    public sealed class Unloadable;

    [Fact]
    public void Every_kernel_loads_on_the_CPU_accelerator_and_the_line_counts_them()
    {
        KernelLoadReport report = KernelLoadCheck.Run(fixture.Device.Accelerator);

        Assert.True(report.AllLoaded, string.Join("\n", report.Lines()));
        Assert.Equal(KernelEntryPoints.All.Count, report.Loaded);
        Assert.Matches($@"^{KernelEntryPoints.All.Count} kernels loaded in \d+ ms$", Assert.Single(report.Lines()));
    }

    [Fact]
    public void A_kernel_that_fails_to_load_is_named_with_its_error_and_the_ones_before_it_count()
    {
        var bad = new KernelEntryPoint("takes_a_class", typeof(KernelLoadCheckTests).GetMethod(nameof(TakesAClass), BindingFlags.Public | BindingFlags.Static)!, ImplicitlyGrouped: true);

        KernelLoadReport report = KernelLoadCheck.Run(fixture.Device.Accelerator, [KernelEntryPoints.All[3], bad, KernelEntryPoints.All[4]]);

        Assert.False(report.AllLoaded);
        Assert.Equal("takes_a_class", report.Failed);
        Assert.Equal(1, report.Loaded);
        string[] lines = [.. report.Lines()];
        Assert.StartsWith($"kernel takes_a_class failed to load (1 of 3 loaded before it): {report.Error}", lines[0]);
        Assert.True(lines.Length >= 2, "the driver's log, or a line saying there was none, follows");
    }
}
