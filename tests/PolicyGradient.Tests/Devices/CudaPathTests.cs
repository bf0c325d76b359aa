using System.Reflection;
using System.Runtime.InteropServices;
using ILGPU;
using PolicyGradient.Devices;

namespace PolicyGradient.Tests.Devices;

/// <summary>What the CUDA path does that the CPU accelerator cannot show, checked without a GPU.</summary>
public class CudaPathTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(4096, 4096)]
    [InlineData(270_336, 270_336)]
    [InlineData(1 << 20, 270_336)]
    [InlineData(1 << 24, 270_336)]
    public void Threads_on_an_H100_are_the_work_up_to_the_resident_threads(int items, int expected)
    {
        // 132 multiprocessors x 2048 resident threads; the grid of 1024-thread groups stays far below 2^31 - 1.
        Assert.Equal(expected, ComputeDevice.ThreadsFor(items, 132, 2048));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(int.MinValue)]
    public void A_work_count_that_is_not_positive_is_refused_rather_than_launched_on_one_thread(int items)
    {
        // (1 << 24) envs x 256 hidden groups wraps to 0 in int; past 2^31 it turns negative.
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ComputeDevice.ThreadsFor(items, 132, 2048));
        Assert.Contains("at least 1", e.Message);
    }

    [Fact]
    public void CUDA_facts_say_compute_capability_driver_and_PTX_target()
    {
        var h100 = new DeviceFacts(DeviceKind.Cuda, "NVIDIA H100 80GB HBM3", 85_000_000_000, 132, 32, 1024, 2048,
            ComputeCapability: "9.0", DriverVersion: "12.9", PtxTarget: "8.8 " + KernelCompilation.PtxTargetFor(ILGPU.Runtime.Cuda.CudaArchitecture.SM_90).ToString().ToLowerInvariant());

        Assert.Equal(
            [
                "cuda    NVIDIA H100 80GB HBM3",
                "  memory 79.2 GiB, 132 multiprocessors, warp size 32, max threads per group 1024, per multiprocessor 2048",
                "  compute capability 9.0, CUDA driver 12.9, ILGPU emits PTX 8.8 sm_80",
            ],
            h100.Lines());
    }

    [Fact]
    public void Every_library_ILGPU_imports_on_Linux_is_resolved_through_its_versioned_soname_first()
    {
        var imported = typeof(Context).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
            .Select(m => m.GetCustomAttribute<DllImportAttribute>()?.Value)
            .OfType<string>()
            .ToHashSet();

        Assert.Contains("cuda", imported);
        Assert.Contains("OpenCL", imported);
        Assert.Equal(["libcuda.so.1", "libcuda.so"], NativeLibraryNames.CandidatesFor("cuda"));
        Assert.Equal(["libOpenCL.so.1", "libOpenCL.so"], NativeLibraryNames.CandidatesFor("OpenCL"));
        Assert.Empty(NativeLibraryNames.CandidatesFor("libm"));
    }
}
