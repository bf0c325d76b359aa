using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;

namespace PolicyGradient.Devices;

/// <summary>
/// What a batch needs against what the device has, checked before allocating, so a too-large
/// --envs gets a sentence with numbers instead of an out-of-memory crash mid-allocation.
/// </summary>
public static class DeviceMemory
{
    /// <summary>Leave room for the context, kernels and the driver's own allocations.</summary>
    private const double UsableFraction = 0.9;

    /// <summary>Bytes this device can give a batch now: CUDA's free memory, the CPU's available RAM, else the device's size.</summary>
    public static long Available(ComputeDevice device) => device.Accelerator switch
    {
        CudaAccelerator cuda => cuda.GetFreeMemory(),
        CPUAccelerator => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        var other => other.MemorySize,
    };

    /// <summary>Checks the whole batch, <paramref name="agents"/> x <paramref name="envsPerAgent"/> envs; the refusal names the largest --envs (per agent) that fits.</summary>
    public static void EnsureFits(ComputeDevice device, int agents, int envsPerAgent, long bytesPerEnv)
    {
        long available = (long)(Available(device) * UsableFraction);
        long needed = bytesPerEnv * agents * envsPerAgent;
        if (needed <= available)
            return;
        long largest = available / bytesPerEnv / agents;
        string batch = agents == 1 ? $"--envs {envsPerAgent}" : $"{agents} agents x --envs {envsPerAgent}";
        throw new InsufficientMemoryException(
            $"{batch} needs {Gigabytes(needed)} of {device.Kind.Name()} memory ({bytesPerEnv:N0} bytes per env) " +
            $"but {Gigabytes(available)} is available; the largest --envs that fits is {largest:N0}");
    }

    private static string Gigabytes(long bytes) => $"{bytes / 1e9:F2} GB";
}
