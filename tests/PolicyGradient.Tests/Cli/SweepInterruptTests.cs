using System.Diagnostics;
using System.Text.Json;

namespace PolicyGradient.Tests.Cli;

/// <summary>Signals need a real process: pgvec.dll is started beside the tests and sent SIGINT.</summary>
public class SweepInterruptTests
{
    [SkippableFact]
    public void SIGINT_stops_the_sweep_after_the_current_iteration_writes_what_it_trained_marked_interrupted_and_exits_130()
    {
        SignalDelivery.SkipIfSigintIgnored();
        using var temp = new TempDirectory();
        string dll = Path.Combine(AppContext.BaseDirectory, "pgvec.dll");
        // Big enough that no agent solves before the signal lands.
        var start = new ProcessStartInfo("dotnet", [dll, "sweep", "--seeds", "0-3", "--envs", "2048", "--device", "cpu", "--max-seconds", "120", "--out", temp.Path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.StartsWith("0/4 agents solved", process.StandardOutput.ReadLine());

        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString()]))
            kill.WaitForExit();
        string rest = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "pgvec did not stop after SIGINT");

        Assert.Equal(130, process.ExitCode);
        Assert.Contains("pgvec: interrupted", stderr.Result);
        var report = JsonDocument.Parse(File.ReadAllText(temp.Combine("sweep.json"))).RootElement;
        Assert.True(report.GetProperty("interrupted").GetBoolean());
        // The agents train together in one batch: all four started and all four were stopped at the same iteration.
        JsonElement[] agents = [.. report.GetProperty("agents").EnumerateArray()];
        Assert.Equal(4, agents.Length);
        Assert.All(agents, a => Assert.True(a.GetProperty("interrupted").GetBoolean()));
        int iterations = agents[0].GetProperty("iterations").GetInt32();
        Assert.All(agents, a => Assert.Equal(iterations, a.GetProperty("iterations").GetInt32()));
        Assert.Equal(4 * iterations + 1, File.ReadAllLines(temp.Combine("sweep.csv")).Length);
        Assert.All(Enumerable.Range(0, 4), a => Assert.True(File.Exists(temp.Combine("policies", $"agent-{a:D3}.safetensors"))));
        Assert.True(File.Exists(temp.Combine("sweep.png")));
        // Every agent was interrupted, none finished: no solved fraction to draw, so no empty plot.
        Assert.False(File.Exists(temp.Combine("solved.png")));
        Assert.Equal(JsonValueKind.Null, report.GetProperty("configurations")[0].GetProperty("iterations").ValueKind);
        Assert.Contains(rest.Split('\n'), l => l.StartsWith("sweep (interrupted: 4 of 4 agents started): 0/4 agents solved"));
    }
}
