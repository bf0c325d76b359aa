using PolicyGradient.Devices;

namespace PolicyGradient.Tests.Cli;

public class TrainVerbTests
{
    [Fact]
    public void Train_writes_a_consistent_batched_summary_and_prints_one_line_per_iteration()
    {
        using var temp = new TempDirectory();

        var run = CliRun.Of("train", "--envs", "8", "--device", "cpu", "--seed", "3", "--max-iterations", "3", "--hidden", "8", "--out", temp.Path);

        Assert.Equal(0, run.Exit);
        Assert.Equal($"pgvec: device cpu (CPUAccelerator, {System.Environment.ProcessorCount} cores)", Assert.Single(run.StderrLines));
        Assert.Equal(3, run.StdoutLines.Count(l => l.StartsWith("iteration ")));
        var summary = SummaryFile.Read(temp.Combine("summary.json"));
        summary.AssertConsistent();
        Assert.Equal("batched", summary.String("mode"));
        Assert.Equal("cpu", summary.String("device"));
        Assert.Equal("CPUAccelerator", summary.String("device_name"));
        Assert.Equal(8, summary.Integer("envs"));
        Assert.Equal(3, summary.Integer("seed"));
        Assert.Equal("reinforce", summary.String("objective"));
        Assert.False(summary.Solved);
        Assert.Equal(3, summary.Integer("iterations"));
        Assert.Equal(3 * 8, summary.Integer("episodes"));
        Assert.True(summary.Number("setup_seconds") > 0);
    }

    [SkippableFact]
    public void A_requested_device_that_is_absent_falls_back_to_the_CPU_accelerator_and_says_so()
    {
        var present = ComputeDevice.List().Select(d => d.Kind).ToHashSet();
        DeviceKind[] absent = [.. new[] { DeviceKind.Cuda, DeviceKind.OpenCL }.Where(k => !present.Contains(k))];
        Skip.If(absent.Length == 0, "CUDA and OpenCL are both present: no requested device is missing, so nothing falls back");
        string requested = absent[0].Name();
        using var temp = new TempDirectory();

        var run = CliRun.Of("--device", requested, "--envs", "8", "--max-iterations", "2", "--out", temp.Path);

        Assert.Equal(0, run.Exit);
        Assert.Equal(2, run.StderrLines.Length);
        string fallback = run.StderrLines[0];
        Assert.Contains($"--device {requested} requested", fallback);
        Assert.Contains($"no {requested} device found", fallback);
        Assert.Contains("running on the ILGPU CPU accelerator", fallback);
        Assert.StartsWith("pgvec: device cpu ", run.StderrLines[1]);
        var summary = SummaryFile.Read(temp.Combine("summary.json"));
        summary.AssertConsistent();
        Assert.Equal("cpu", summary.String("device"));
    }

    [SkippableFact]
    public void Strict_device_fails_with_one_line_instead_of_falling_back_and_leaves_no_run_directory()
    {
        var present = ComputeDevice.List().Select(d => d.Kind).ToHashSet();
        DeviceKind[] absent = [.. new[] { DeviceKind.Cuda, DeviceKind.OpenCL }.Where(k => !present.Contains(k))];
        Skip.If(absent.Length == 0, "CUDA and OpenCL are both present: no requested device is missing, so strict has nothing to refuse");
        string requested = absent[0].Name();
        using var temp = new TempDirectory();

        string directory = temp.Combine("run");

        var run = CliRun.Of("--device", requested, "--strict-device", "--envs", "8", "--max-iterations", "2", "--out", directory);

        Assert.Equal(1, run.Exit);
        string line = Assert.Single(run.StderrLines);
        // For CUDA, what the driver said (no libcuda, cuInit's error, ...) in parentheses after "found".
        Assert.Matches($@"^pgvec: error: --device {requested} requested but no {requested} device found( \(.+\))? \(--strict-device: no fallback\)$", line);
        Assert.False(Directory.Exists(directory), "a run that never started left its directory");
    }
}
