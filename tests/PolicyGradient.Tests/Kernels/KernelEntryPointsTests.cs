using PolicyGradient.Devices;
using PolicyGradient.Kernels;

namespace PolicyGradient.Tests.Kernels;

[Collection(CpuDeviceCollection.Name)]
public class KernelEntryPointsTests(CpuDeviceFixture fixture)
{
    [Fact]
    public void Every_kernel_the_program_loads_is_listed_and_names_are_unique()
    {
        // DeviceKernels refuses to load an unlisted kernel, so loading them all proves the list complete.
        var kernels = new DeviceKernels(fixture.Device.Accelerator);

        Assert.NotNull(kernels.ColumnReduce);
        Assert.NotNull(CartPoleShapes.Device.Step(fixture.Device, [[0.01f, 0.0f, 0.02f, 0.0f]], [1]));
        Assert.Equal(KernelEntryPoints.All.Count, KernelEntryPoints.All.Select(k => k.Name).Distinct().Count());
        Assert.Equal(KernelEntryPoints.All.Count, KernelEntryPoints.All.Select(k => k.Method).Distinct().Count());
    }

    [Fact]
    public void An_unlisted_method_is_refused_with_its_name()
    {
        var e = Assert.Throws<InvalidOperationException>(() => KernelEntryPoints.For(typeof(CounterRandom).GetMethod(nameof(CounterRandom.Mix))!));
        Assert.Contains("CounterRandom.Mix", e.Message);
    }
}
