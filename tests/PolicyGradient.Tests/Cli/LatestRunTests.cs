using System.Diagnostics;

namespace PolicyGradient.Tests.Cli;

public class LatestRunTests
{
    [Fact]
    public void Runs_latest_names_the_newest_run_started_with_a_default_name()
    {
        using var temp = new TempDirectory();

        string first = RunIn(temp.Path, "baseline", "--max-episodes", "2", "--quiet");
        Assert.Equal(first, File.ReadAllText(temp.Combine("runs", "latest")).TrimEnd('\n'));
        string second = RunIn(temp.Path, "--envs", "8", "--device", "cpu", "--max-iterations", "1", "--quiet");

        Assert.NotEqual(first, second);
        Assert.Equal(second, File.ReadAllText(temp.Combine("runs", "latest")).TrimEnd('\n'));
        Assert.True(File.Exists(Path.Combine(temp.Path, second, "summary.json")));
    }

    [Fact]
    public void Eval_of_a_runs_file_writes_its_report_into_that_run_not_a_new_folder()
    {
        using var temp = new TempDirectory();
        string run = temp.Combine("run");
        Assert.Equal(0, CliRun.Of("--envs", "8", "--device", "cpu", "--max-iterations", "1", "--quiet", "--out", run).Exit);

        var eval = CliRun.Of("eval", "--checkpoint", Path.Combine(run, "policy.safetensors"), "--episodes", "2");
        var again = CliRun.Of("eval", "--checkpoint", Path.Combine(run, "policy.safetensors"), "--episodes", "3");

        Assert.Equal(0, eval.Exit);
        Assert.Equal(Path.Combine(run, "eval-policy.json"), eval.StdoutLines[^1]);
        Assert.Equal(eval.StdoutLines[^1], again.StdoutLines[^1]);
        Assert.Contains("\"episodes\": 3", File.ReadAllText(Path.Combine(run, "eval-policy.json")));
    }

    /// <summary>Runs pgvec with <paramref name="directory"/> as its working directory; returns the run directory its summary line names.</summary>
    private static string RunIn(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "pgvec.dll"), .. args])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return stdout.Trim().Split("; ")[^1];
    }
}
