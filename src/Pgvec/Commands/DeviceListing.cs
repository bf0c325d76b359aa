using System.Globalization;
using PolicyGradient.Devices;

namespace Pgvec.Commands;

/// <summary>`pgvec devices`: what ILGPU finds here, and what --device auto would run on.</summary>
public static class DeviceListing
{
    public static int Print(TextWriter stdout, TextWriter stderr)
    {
        foreach (var (kind, name, memoryBytes) in ComputeDevice.List())
        {
            // The CPU accelerator reports long.MaxValue bytes: no memory figure worth printing.
            string memory = kind == DeviceKind.Cpu ? "" : string.Create(CultureInfo.InvariantCulture, $"  ({memoryBytes / (1024.0 * 1024 * 1024):F1} GiB)");
            stdout.WriteLine($"{kind.Name(),-7} {name}{memory}");
        }
        using ComputeDevice auto = ComputeDevice.Open(DeviceKind.Auto, stderr);
        stdout.WriteLine($"auto picks: {DeviceChoice.Describe(auto.Kind, auto.Name)}");
        return ExitCodes.Completed;
    }
}
