using System.Text.Json;

namespace PolicyGradient.Benchmarks;

/// <summary>What one run of a peer script (bench/peers/*.py) printed, or why it could not run.</summary>
internal sealed record PeerRun(string Script, string Arguments, JsonElement? Result, string? Error)
{
    /// <summary>Runs the script to completion and parses the JSON object on its last output line.</summary>
    public static PeerRun Start(string python, string script, string arguments, TimeSpan timeout)
    {
        var run = ChildProcess.Run(python, [script, .. arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)], timeout);
        if (run.Error is { } error)
            return new PeerRun(script, arguments, null, error);
        try
        {
            string line = run.Stdout.Trim().Split('\n').Last();
            return new PeerRun(script, arguments, JsonDocument.Parse(line).RootElement.Clone(), null);
        }
        catch (JsonException e)
        {
            return new PeerRun(script, arguments, null, e.Message);
        }
    }

    public double? Number(string name) =>
        Result is { } r && r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
