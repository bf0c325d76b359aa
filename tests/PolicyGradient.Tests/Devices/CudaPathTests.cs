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
