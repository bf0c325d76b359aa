using System.Diagnostics;
using PolicyGradient.Devices;

namespace PolicyGradient.Tests.Devices;

/// <summary>
/// ILGPU's device enumeration swallows why CUDA is missing; the probe asks the driver itself.
/// Checked without a GPU: a library that is not there, one that is not a CUDA driver, and
/// stand-in drivers compiled here (where a C compiler is) that answer like a driver without a GPU.
/// </summary>
public class CudaDriverProbeTests
{
    [Fact]
    public void The_entry_points_checked_are_those_ILGPU_imports_from_the_driver()
    {
        Assert.Contains("cuInit", CudaDriverProbe.EntryPointsIlgpuCalls);
        Assert.Contains("cuDriverGetVersion", CudaDriverProbe.EntryPointsIlgpuCalls);
        Assert.Contains("cuModuleLoadDataEx", CudaDriverProbe.EntryPointsIlgpuCalls);
        Assert.Contains("cuLaunchKernel", CudaDriverProbe.EntryPointsIlgpuCalls);
    }

    [Fact]
    public void A_driver_library_that_is_not_there_is_named_with_where_it_was_looked_for()
    {
        CudaDriverReport report = CudaDriverProbe.Run(["libpgvec-test-no-such-driver.so.1"]);

        Assert.False(report.Loaded);
        Assert.Equal(
            "cuda driver: none loaded (tried libpgvec-test-no-such-driver.so.1); libpgvec-test-no-such-driver.so.1 is not on the library search path " +
            "(LD_LIBRARY_PATH, ldconfig's cache, the program's folder); install the NVIDIA driver, or add the folder holding libcuda.so.1 to LD_LIBRARY_PATH",
            report.Line());
        Assert.Equal("no libcuda loaded: tried libpgvec-test-no-such-driver.so.1", report.Reason());
    }

    [SkippableFact]
    public void A_library_that_is_not_a_CUDA_driver_is_named_with_its_path_and_the_entry_points_it_lacks()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "libm.so.6 is a Linux library");

        CudaDriverReport report = CudaDriverProbe.Run(["libpgvec-test-no-such-driver.so.1", "libm.so.6"]);

        Assert.Equal("libm.so.6", report.Library);
        Assert.EndsWith("/libm.so.6", report.Path);
        Assert.Contains("cuInit", report.MissingEntryPoints);
        Assert.Null(report.InitResult);
        Assert.StartsWith($"cuda driver: libm.so.6 loaded from {report.Path}; it lacks ", report.Line());
        Assert.EndsWith("that ILGPU calls: a stub or another library, not the NVIDIA driver, or a driver too old", report.Line());
    }

    [SkippableTheory]
    [InlineData(100, 0, "100 CUDA_ERROR_NO_DEVICE", null, "cuInit 100 CUDA_ERROR_NO_DEVICE, driver CUDA 12.4", "cuInit 100 CUDA_ERROR_NO_DEVICE")]
    [InlineData(0, 1, "0 CUDA_SUCCESS", 1, "cuInit 0 CUDA_SUCCESS, driver CUDA 12.4, 1 device", "the CUDA 12.4 driver reports 1 device, which ILGPU did not list")]
    [InlineData(0, 0, "0 CUDA_SUCCESS", 0, "cuInit 0 CUDA_SUCCESS, driver CUDA 12.4, 0 devices", "the CUDA 12.4 driver reports 0 devices")]
    public void A_stand_in_driver_is_asked_for_cuInit_the_driver_version_and_the_device_count(int init, int devices, string initResult, int? count, string facts, string reason)
    {
        using var dir = new Cli.TempDirectory();
        string library = StandIn(dir, init, devices, exportAll: true);

        CudaDriverReport report = CudaDriverProbe.Run([library]);

        Assert.Equal(library, report.Library);
        Assert.Equal(library, report.Path);
        Assert.Empty(report.MissingEntryPoints);
        Assert.Equal(initResult, report.InitResult);
        Assert.Equal("12.4", report.DriverVersion);
        Assert.Equal(count, report.DeviceCount);
        Assert.Equal($"cuda driver: {library} loaded from {library}; {facts}", report.Line());
        Assert.Equal(reason, report.Reason());
    }

    [SkippableFact]
    public void A_stand_in_driver_missing_an_entry_point_ILGPU_calls_is_named_with_it()
    {
        using var dir = new Cli.TempDirectory();
        string library = StandIn(dir, 0, 1, exportAll: false);

        CudaDriverReport report = CudaDriverProbe.Run([library]);

        Assert.Contains("cuModuleLoadDataEx", report.MissingEntryPoints);
        Assert.Equal("0 CUDA_SUCCESS", report.InitResult);
        Assert.Contains("; it lacks ", report.Line());
        Assert.Equal($"{library} lacks {report.MissingEntryPoints[0]}", report.Reason());
    }

    /// <summary>
    /// A driver without a GPU, compiled with the C compiler: cuInit returns <paramref name="init"/>,
    /// the version is 12.4 and <paramref name="devices"/> devices; every other function ILGPU
    /// imports returns success (or, unless <paramref name="exportAll"/>, is left out but for the four asked).
    /// </summary>
    private static string StandIn(Cli.TempDirectory dir, int init, int devices, bool exportAll)
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the stand-in is a Linux shared library");
        string? cc = new[] { "/usr/bin/cc", "/usr/bin/gcc" }.FirstOrDefault(File.Exists);
        Skip.If(cc is null, "no C compiler here to build the stand-in driver");
        string[] asked = ["cuInit", "cuDriverGetVersion", "cuDeviceGetCount", "cuGetErrorName"];
        var source = new System.Text.StringBuilder($$"""
            static const char* names[] = { "CUDA_SUCCESS", "CUDA_ERROR_NO_DEVICE" };
            int cuInit(unsigned int flags) { return {{init}}; }
            int cuDriverGetVersion(int* v) { *v = 12040; return 0; }
            int cuDeviceGetCount(int* n) { *n = {{devices}}; return 0; }
            int cuGetErrorName(int e, const char** s) { *s = names[e == 100]; return 0; }

            """);
        foreach (string name in exportAll ? CudaDriverProbe.EntryPointsIlgpuCalls.Except(asked) : [])
            source.AppendLine($"int {name}(void) {{ return 0; }}");
        string c = Path.Combine(dir.Path, "stand_in.c");
        File.WriteAllText(c, source.ToString());
        // Not named libcuda: nothing else in this process may take it for the driver.
        string library = Path.Combine(dir.Path, "libpgvec-stand-in-driver.so");
        using var compile = Process.Start(new ProcessStartInfo(cc!, ["-shared", "-fPIC", "-o", library, c]) { RedirectStandardError = true })!;
        string errors = compile.StandardError.ReadToEnd();
        compile.WaitForExit();
        Assert.True(compile.ExitCode == 0, errors);
        return library;
    }
}
