using System.Diagnostics;
using PolicyGradient.Checkpoints;

namespace PolicyGradient.Tests.Cli;

/// <summary>Signals need a real process: pgvec.dll is started beside the tests and sent SIGINT.</summary>
public class InterruptTests
{
    [SkippableFact]
    public async Task SIGINT_stops_after_the_current_iteration_saves_a_checkpoint_and_an_interrupted_summary_and_exits_130()
    {
        SignalDelivery.SkipIfSigintIgnored();
        using var temp = new TempDirectory();
        string dll = Path.Combine(AppContext.BaseDirectory, "pgvec.dll");
        // Big enough that it cannot solve before the signal lands.
        var start = new ProcessStartInfo("dotnet", [dll, "--envs", "2048", "--device", "cpu", "--max-seconds", "120", "--out", temp.Path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string? first = process.StandardOutput.ReadLine();
        Assert.StartsWith("iteration     1", first);

        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString()]))
            kill.WaitForExit();
        string rest = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "pgvec did not stop after SIGINT");
        string errors = await stderr;

        Assert.Equal(130, process.ExitCode);
        Assert.Contains("pgvec: interrupted", errors);
        Assert.DoesNotContain("   at ", errors);
        var summary = SummaryFile.Read(temp.Combine("summary.json"));
        Assert.True(summary.Root.GetProperty("interrupted").GetBoolean());
        Assert.False(summary.Solved);
        int iterations = (int)summary.Integer("iterations");
        Assert.Equal(iterations + 1, File.ReadAllLines(temp.Combine("metrics.csv")).Length);
        Assert.Contains(rest.Split('\n'), l => l.StartsWith("batched: not solved"));
        // The checkpoint is whole and holds the iteration the run stopped after.
        var state = TrainingCheckpoint.ToState(SafeTensorsFile.Read(temp.Combine("checkpoint.safetensors")));
        Assert.Equal(iterations, state.Iteration);
    }

    [SkippableFact]
    public void A_second_SIGINT_exits_at_once_without_finishing_the_run()
    {
        SignalDelivery.SkipIfSigintIgnored();
        using var temp = new TempDirectory();
        string dll = Path.Combine(AppContext.BaseDirectory, "pgvec.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--envs", "2048", "--device", "cpu", "--max-seconds", "120", "--out", temp.Path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        Assert.StartsWith("iteration     1", process.StandardOutput.ReadLine());

        for (int signal = 0; signal < 2; signal++)
        {
            using var kill = Process.Start("kill", ["-INT", process.Id.ToString()]);
            kill.WaitForExit();
            // Apart enough to be two signals, well inside the graceful stop (evaluation, plot, files).
            Thread.Sleep(30);
        }
        process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "pgvec did not exit after a second SIGINT");

        Assert.Equal(130, process.ExitCode);
        // It did not wait for the run to finish, and says so: a summary of the work done, marked failed and interrupted.
        var summary = SummaryFile.Read(temp.Combine("summary.json"));
        Assert.StartsWith("quit by a second interrupt after iteration ", summary.String("failed"));
        Assert.True(summary.Interrupted);
        Assert.True(summary.IsNull("greedy_eval_mean_return"));
    }

    [SkippableFact]
    public void SIGINT_during_start_up_exits_130_with_nothing_written_or_a_run_marked_interrupted_with_no_made_up_numbers()
    {
        SignalDelivery.SkipIfSigintIgnored();
        using var temp = new TempDirectory();
        string output = temp.Combine("run");
        using var process = Pgvec("--envs", "4096", "--device", "cpu", "--out", output);
        // Printed once the device is open, before the batch is allocated and the kernels compiled.
        string? device = process.StandardError.ReadLine();
        Assert.StartsWith("pgvec: device ", device);

        Signal(process);
        var (stdout, stderr) = Finish(process);

        Assert.Equal(130, process.ExitCode);
        if (!Directory.Exists(output))
        {
            Assert.Contains("pgvec: interrupted before the first iteration: nothing was trained or written", stderr);
            return;
        }
        var summary = SummaryFile.Read(Path.Combine(output, "summary.json"));
        Assert.True(summary.Interrupted);
        if (summary.Integer("iterations") == 0)
        {
            Assert.True(summary.IsNull("final_mean_return"));
            Assert.True(summary.IsNull("greedy_eval_mean_return"));
            Assert.False(File.Exists(Path.Combine(output, "learning-curve.png")), "a plot of no iteration");
        }
    }

    [SkippableFact]
    public void SIGINT_as_the_run_ends_gives_an_exit_code_a_stderr_line_and_a_summary_that_agree()
    {
        SignalDelivery.SkipIfSigintIgnored();
        using var temp = new TempDirectory();
        // Solves in about ten iterations: the signal lands as the run writes its outcome or after.
        using var process = Pgvec("--envs", "64", "--device", "cpu", "--max-iterations", "200", "--out", temp.Path);
        while (process.StandardOutput.ReadLine() is { } line && !line.StartsWith("batched: "))
        {
        }

        Signal(process);
        var (_, stderr) = Finish(process);

        var summary = SummaryFile.Read(temp.Combine("summary.json"));
        Assert.Equal(summary.Interrupted ? 130 : 0, process.ExitCode);
        Assert.Equal(summary.Interrupted, stderr.Contains("pgvec: interrupted"));
    }

    [SkippableFact]
    public void SIGINT_during_compares_baseline_ends_the_whole_command()
    {
        SignalDelivery.SkipIfSigintIgnored();
        using var temp = new TempDirectory();
        // A target no episode reaches (500 is the most): the baseline runs until stopped.
        using var process = Pgvec("compare", "--envs", "16", "--device", "cpu", "--target-return", "501", "--max-episodes", "1000000", "--max-seconds", "60", "--out", temp.Path);
        Assert.StartsWith("episode ", process.StandardOutput.ReadLine());

        Signal(process);
        var (stdout, _) = Finish(process);

        Assert.Equal(130, process.ExitCode);
        Assert.True(SummaryFile.Read(temp.Combine("baseline", "summary.json")).Interrupted);
        Assert.False(Directory.Exists(temp.Combine("batched")), "the batched half ran after the interrupt");
        Assert.False(File.Exists(temp.Combine("compare.json")));
        Assert.DoesNotContain("speed-up", stdout);
    }

    private static Process Pgvec(params string[] args) =>
        Process.Start(new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "pgvec.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;

    private static void Signal(Process process)
    {
        using var kill = Process.Start("kill", ["-INT", process.Id.ToString()]);
        kill.WaitForExit();
    }

    private static (string Stdout, string Stderr) Finish(Process process)
    {
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "pgvec did not stop after SIGINT");
        return (stdout, stderr.Result);
    }
}
