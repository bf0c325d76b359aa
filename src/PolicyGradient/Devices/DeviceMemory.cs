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
        long available = Usable(device);
        long envs = (long)agents * envsPerAgent;
        long needed = bytesPerEnv * envs;
        if (needed <= available)
            return;
        long largest = available / bytesPerEnv / agents;
        string batch = agents == 1 ? $"--envs {envsPerAgent}" : $"{agents:N0} agents x --envs {envsPerAgent:N0} = {envs:N0} envs";
        string fits = agents == 1 ? "the largest --envs that fits" : $"the largest --envs that fits {agents:N0} agents";
        throw new InsufficientMemoryException(
            $"{batch} {(agents == 1 ? "needs" : "need")} {Gigabytes(needed)} of {device.Kind.Name()} memory ({bytesPerEnv:N0} bytes per env) " +
            $"but {Gigabytes(available)} is available; {fits} is {largest:N0}");
    }

    private static long Usable(ComputeDevice device) => (long)(Available(device) * UsableFraction);

    private static string Gigabytes(long bytes) => $"{bytes / 1e9:F2} GB";
}
