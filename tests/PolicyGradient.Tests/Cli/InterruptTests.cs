using System.Diagnostics;
using PolicyGradient.Checkpoints;

namespace PolicyGradient.Tests.Cli;

/// <summary>Signals need a real process: pgvec.dll is started beside the tests and sent SIGINT.</summary>
public class InterruptTests
{
    [Fact]
    public async Task SIGINT_stops_after_the_current_iteration_saves_a_checkpoint_and_an_interrupted_summary_and_exits_130()
    {
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
        var state = TrainingCheckpoint.ToState(SafeTensorsFile.Read(temp.Combine("checkpoint.safetensors")), 0.01);
        Assert.Equal(iterations, state.Iteration);
    }

    [Fact]
    public void A_second_SIGINT_exits_at_once_without_finishing_the_run()
    {
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
        Assert.False(File.Exists(temp.Combine("summary.json")), "the second interrupt should not wait for the run to finish");
    }
}
