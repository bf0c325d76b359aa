using System.Diagnostics;

namespace PolicyGradient.Tests.Cli;

/// <summary>Through a real process: Program.cs wires Cli.Run to the console and the exit code.</summary>
public class ExecutableSmokeTests
{
    [Fact]
    public void The_pgvec_executable_reports_bad_usage_on_stderr_with_exit_code_2()
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "pgvec.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--envs", "0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        string stdout = process.StandardOutput.ReadToEnd();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(2, process.ExitCode);
        Assert.Equal("", stdout);
        Assert.Equal("pgvec: --envs 0 is out of range: must be an integer from 1 to 16777216", stderr.Trim());
    }
}
