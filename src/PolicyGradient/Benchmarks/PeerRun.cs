using System.Diagnostics;
using System.Text.Json;

namespace PolicyGradient.Benchmarks;

/// <summary>What one run of a peer script (bench/peers/*.py) printed, or why it could not run.</summary>
public sealed record PeerRun(string Script, string Arguments, JsonElement? Result, string? Error)
{
    /// <summary>Runs the script to completion and parses the JSON object on its last output line.</summary>
    public static PeerRun Start(string python, string script, string arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(python, $"\"{script}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {python}");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return new PeerRun(script, arguments, null, $"timed out after {timeout.TotalSeconds:F0} s");
            }
            if (process.ExitCode != 0)
            {
                string last = stderr.Result.Trim().Split('\n').LastOrDefault() ?? "";
                return new PeerRun(script, arguments, null, $"exit {process.ExitCode}: {last}");
            }
            string line = stdout.Result.Trim().Split('\n').Last();
            return new PeerRun(script, arguments, JsonDocument.Parse(line).RootElement.Clone(), null);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or JsonException)
        {
            return new PeerRun(script, arguments, null, e.Message);
        }
    }

    public double? Number(string name) =>
        Result is { } r && r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
