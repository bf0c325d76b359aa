namespace PolicyGradient.Tests.Cli;

public class DivergenceTests
{
    [Fact]
    public void A_learning_rate_that_blows_up_stops_with_one_line_naming_the_iteration_and_exit_1()
    {
        using var temp = new TempDirectory();

        // Any positive finite rate is valid input; 1e30 overflows float32 logits after one update.
        var run = CliRun.Of("train", "--envs", "16", "--device", "cpu", "--lr", "1e30", "--quiet", "--out", temp.Path);

        Assert.Equal(1, run.Exit);
        string error = run.StderrLines[^1];
        Assert.Matches(@"^pgvec: error: training diverged at iteration \d+: the (loss|gradient|updated policy) is not finite", error);
        Assert.DoesNotContain("   at ", run.Stderr);
        // The summary says how the run failed, with no evaluation of the diverged policy.
        var summary = SummaryFile.Read(temp.Combine("summary.json"));
        Assert.Equal(error["pgvec: error: ".Length..], summary.String("failed"));
        Assert.False(summary.Solved);
        Assert.False(summary.Interrupted);
        Assert.True(summary.IsNull("greedy_eval_mean_return"));
    }

    [Fact]
    public void A_diverging_baseline_writes_a_summary_saying_how_it_failed()
    {
        using var temp = new TempDirectory();

        var run = CliRun.Of("baseline", "--lr", "1e300", "--quiet", "--out", temp.Path);

        Assert.Equal(1, run.Exit);
        var summary = SummaryFile.Read(temp.Combine("summary.json"));
        Assert.StartsWith("training diverged at episode ", summary.String("failed"));
        Assert.True(summary.IsNull("greedy_eval_mean_return"));
    }
}

public class DeviceMemoryTests
{
    [SkippableFact]
    public void Envs_that_do_not_fit_the_device_get_the_numbers_and_the_largest_that_fits_instead_of_a_crash()
    {
        // The most envs the kernels' 32-bit indices reach at --hidden 32: past them the index limit would speak.
        const int envs = 4_294_960;
        long perEnv = CartPoleShapes.Device.BytesPerEnv(32, 500);
        using (var cpu = PolicyGradient.Devices.ComputeDevice.Open(PolicyGradient.Devices.DeviceKind.Cpu, TextWriter.Null))
            Skip.If(PolicyGradient.Devices.DeviceMemory.Available(cpu) * 0.9 >= (double)envs * perEnv, $"this machine could hold {envs} envs: nothing to refuse");
        using var temp = new TempDirectory();

        var run = CliRun.Of("train", "--envs", envs.ToString(), "--device", "cpu", "--quiet", "--out", temp.Path);

        Assert.Equal(1, run.Exit);
        Assert.Matches(@"^pgvec: error: --envs 4294960 needs [\d.]+ GB of cpu memory \([\d,]+ bytes per env\) but [\d.]+ GB is available; the largest --envs that fits is [\d,]+$", run.StderrLines[^1]);
    }
}
