using System.Diagnostics;
using PolicyGradient.Devices;
using PolicyGradient.SelfTest;

namespace Pgvec.Commands;

/// <summary>`pgvec selftest`: the device's facts, one line per check, exit 0 if all pass and 1 naming the first failure.</summary>
internal static class SelfTestRun
{
    public static int Run(DeviceKind requested, TextWriter stdout, TextWriter stderr)
    {
        using ComputeDevice device = DeviceChoice.OpenToReport(requested, "checked", stderr);
        // The training check compares with the CPU accelerator; on the CPU accelerator it is a second run.
        using ComputeDevice? cpu = device.Kind == DeviceKind.Cpu ? null : ComputeDevice.Open(DeviceKind.Cpu, stderr);
        return Report(device.Facts, SelfTestComputations.On(device), SelfTestComputations.On(cpu ?? device), stdout, stderr);
    }

    /// <summary>Runs the checks on <paramref name="device"/> (any computations, e.g. a test's perturbed ones) and prints them.</summary>
    public static int Report(DeviceFacts facts, SelfTestComputations device, SelfTestComputations cpuReference, TextWriter stdout, TextWriter stderr)
    {
        foreach (string line in facts.Lines())
            stdout.WriteLine(line);
        var clock = Stopwatch.StartNew();
        SelfTestCheck? firstFailure = null;
        int checks = 0;
        foreach (SelfTestCheck check in SelfTestChecks.Run(device, cpuReference))
        {
            stdout.WriteLine(check.Line);
            checks++;
            if (!check.Passed)
                firstFailure ??= check;
        }
        stdout.WriteLine($"{checks} checks in {clock.Elapsed.TotalSeconds:F1} s: {(firstFailure is null ? "all pass" : "FAILED")}");
        if (firstFailure is null)
            return ExitCodes.Completed;
        stderr.WriteLine($"pgvec: error: selftest check '{firstFailure.Name}' failed: worst error {firstFailure.WorstError:E2} against tolerance {firstFailure.Tolerance:E1} ({firstFailure.Detail})");
        return ExitCodes.Failure;
    }
}
