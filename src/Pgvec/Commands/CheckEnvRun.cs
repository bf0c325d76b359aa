using System.Diagnostics;
using Pgvec.CommandLine;
using PolicyGradient.Devices;
using PolicyGradient.Environment;
using PolicyGradient.EnvironmentChecks;

namespace Pgvec.Commands;

/// <summary>`pgvec check-env`: the environment named, one line per check, a count; exit 0 if none failed, 1 naming the first that did.</summary>
internal sealed class CheckEnvRun(EnvironmentDefinition environment, int episodes, ulong seed) : ICommand
{
    public int Execute(TextWriter stdout, TextWriter stderr)
    {
        string from = environment.Assembly is { } assembly ? $" from {assembly}" : " (built in)";
        string actions = environment.Device.ActionSpace is BoxActions box ? $"a Box action of {box.Dimensions}" : $"{environment.Device.Actions} actions";
        stdout.WriteLine($"check-env: {environment.Id}{from}, {environment.Device.Observations} observations, {actions}, episodes of at most {environment.Device.MaxEpisodeSteps} steps");
        var clock = Stopwatch.StartNew();
        using ComputeDevice device = ComputeDevice.Open(DeviceKind.Cpu, stderr);
        IReadOnlyList<CheckResult> results = EnvironmentChecker.Check(environment.Device, device, new EnvironmentCheckOptions { Episodes = episodes, Seed = seed });
        foreach (CheckResult result in results)
            stdout.WriteLine(result);
        int Count(CheckOutcome outcome) => results.Count(r => r.Outcome == outcome);
        stdout.WriteLine($"{results.Count} checks in {clock.Elapsed.TotalSeconds:F1} s: {Count(CheckOutcome.Passed)} passed, {Count(CheckOutcome.Warning)} warnings, {Count(CheckOutcome.Failed)} failed, {Count(CheckOutcome.Skipped)} skipped");
        if (results.FirstOrDefault(r => r.Outcome == CheckOutcome.Failed) is not { } failed)
            return ExitCodes.Completed;
        stderr.WriteLine($"pgvec: error: {environment.Id} fails check-env: {failed.Name}: {failed.Detail}");
        return ExitCodes.Failure;
    }
}
