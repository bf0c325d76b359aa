using PolicyGradient.Devices;
using PolicyGradient.Distributed;

namespace Pgvec.Commands;

/// <summary>Opens the requested accelerator (falling back to the CPU one, with a warning) and says on stderr which one runs, unless quiet.</summary>
public static class DeviceChoice
{
    public static ComputeDevice Open(DeviceKind requested, TextWriter stderr, bool strict = false, bool quiet = false, DevicePlacement? placement = null)
    {
        ComputeDevice device = ComputeDevice.Open(requested, stderr, strict, placement);
        if (!quiet)
            stderr.WriteLine($"pgvec: device {Describe(device.Kind, device.Name, device.CpuCores)}");
        return device;
    }

    public static string Describe(DeviceKind kind, string name, int? cores = null) => kind == DeviceKind.Cpu
        ? $"{kind.Name()} ({name}, {cores ?? System.Environment.ProcessorCount} cores)"
        : $"{kind.Name()} ({name})";
}
