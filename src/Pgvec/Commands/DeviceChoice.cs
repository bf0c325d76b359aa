using PolicyGradient.Devices;
using PolicyGradient.Distributed;

namespace Pgvec.Commands;

/// <summary>Opens the requested accelerator (falling back to the CPU one, with a warning) and says on stderr which one runs, unless quiet.</summary>
internal static class DeviceChoice
{
    public static ComputeDevice Open(DeviceKind requested, TextWriter stderr, bool strict = false, bool quiet = false, DevicePlacement? placement = null)
    {
        ComputeDevice device = ComputeDevice.Open(requested, stderr, strict, placement);
        if (!quiet)
            stderr.WriteLine($"pgvec: device {Describe(device.Kind, device.Name, device.CpuCores)}");
        return device;
    }

    /// <summary>
    /// For a verb that reports on a device (selftest, bench): a named device is that device or an
    /// error, never a fallback whose results would pass for it; only auto chooses.
    /// </summary>
    /// <param name="work">What the verb does there, as in "nothing was checked on cuda".</param>
    public static ComputeDevice OpenToReport(DeviceKind requested, string work, TextWriter stderr)
    {
        try
        {
            return Open(requested, stderr, strict: requested != DeviceKind.Auto);
        }
        catch (DeviceUnavailableException e)
        {
            throw new DeviceUnavailableException($"no {requested.Name()} device: nothing was {work} on {requested.Name()} ({e.Reasons})", e.Reasons, e);
        }
    }

    public static string Describe(DeviceKind kind, string name, int? cores = null) => kind == DeviceKind.Cpu
        ? $"{kind.Name()} ({name}, {cores ?? System.Environment.ProcessorCount} cores)"
        : $"{kind.Name()} ({name})";
}
