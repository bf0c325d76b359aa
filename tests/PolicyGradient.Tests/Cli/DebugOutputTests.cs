using System.Diagnostics;
using PolicyGradient.Devices;

namespace PolicyGradient.Tests.Cli;

/// <summary>
/// PGVEC_DEBUG=1: ILGPU writes the driver's PTX JIT log only to Trace, and a failure prints one
/// line; with debug output on, the trace reaches stderr and the whole exception follows the line.
/// </summary>
public class DebugOutputTests
{
    private static bool CudaHere => ComputeDevice.List().Any(d => d.Kind == DeviceKind.Cuda);

    [Fact]
    public void Debug_output_sends_the_trace_to_stderr_while_on_and_stops_after()
    {
        var stderr = new StringWriter();
        using (Pgvec.DebugOutput.Start(true, stderr))
            Trace.WriteLine("pgvec-debug-test: traced while on");
        Trace.WriteLine("pgvec-debug-test: traced after");

        Assert.Contains("pgvec-debug-test: traced while on", stderr.ToString());
        Assert.DoesNotContain("pgvec-debug-test: traced after", stderr.ToString());
    }

    [Fact]
    public void Without_debug_output_the_trace_does_not_reach_stderr()
    {
        var stderr = new StringWriter();
        using (Pgvec.DebugOutput.Start(false, stderr))
            Trace.WriteLine("pgvec-debug-test: traced while off");

        Assert.Equal("", stderr.ToString());
    }

    [SkippableFact]
    public void With_debug_output_a_failure_prints_its_line_then_the_whole_exception()
    {
        Skip.If(CudaHere, "a CUDA device is present: selftest --device cuda does not fail here");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        int exit = Pgvec.Cli.Run(["selftest", "--device", "cuda"], stdout, stderr, Pgvec.DebugOutput.Start(true, stderr));

        Assert.Equal(1, exit);
        string[] lines = stderr.ToString().Split('\n', StringSplitOptions.TrimEntries);
        Assert.StartsWith("pgvec: error: no cuda device: nothing was checked on cuda (no cuda device found", lines[0]);
        Assert.Equal("pgvec: PGVEC_DEBUG=1, the whole exception:", lines[1]);
        Assert.StartsWith($"{typeof(DeviceUnavailableException).FullName}: no cuda device: nothing was checked on cuda", lines[2]);
        Assert.Contains(lines, l => l.StartsWith("at PolicyGradient.Devices.ComputeDevice.Open("));
    }

    [SkippableFact]
    public void The_pgvec_executable_reads_PGVEC_DEBUG_from_its_environment()
    {
        Skip.If(CudaHere, "a CUDA device is present: selftest --device cuda does not fail here");
        string dll = Path.Combine(AppContext.BaseDirectory, "pgvec.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "selftest", "--device", "cuda"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PGVEC_DEBUG"] = "1";
        using var process = Process.Start(start)!;
        string stdout = process.StandardOutput.ReadToEnd();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(1, process.ExitCode);
        Assert.Equal("", stdout);
        Assert.Contains("pgvec: PGVEC_DEBUG=1, the whole exception:", stderr);
        Assert.Contains("   at PolicyGradient.Devices.ComputeDevice.Open(", stderr);
    }
}
