using System.Diagnostics;

namespace PolicyGradient.Benchmarks;

/// <summary>What a finished child process printed, or why it did not finish.</summary>
internal sealed record ChildProcessResult(string Stdout, string Stderr, double WallSeconds, string? Error);

/// <summary>Runs a program to completion with a time limit (bench's peers and fresh pgvec processes).</summary>
internal static class ChildProcess
{
    /// <summary>A non-zero exit, a time-out or a program that cannot start is an <see cref="ChildProcessResult.Error"/>, never an exception.</summary>
    public static ChildProcessResult Run(string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
            info.ArgumentList.Add(argument);
        var clock = Stopwatch.StartNew();
        try
        {
            using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return new ChildProcessResult("", "", clock.Elapsed.TotalSeconds, $"timed out after {timeout.TotalSeconds:F0} s");
            }
            double wall = clock.Elapsed.TotalSeconds;
            string? error = process.ExitCode == 0 ? null : $"exit {process.ExitCode}: {stderr.Result.Trim().Split('\n').LastOrDefault()}";
            return new ChildProcessResult(stdout.Result, stderr.Result, wall, error);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return new ChildProcessResult("", "", clock.Elapsed.TotalSeconds, e.Message);
        }
    }
}
