using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;

namespace PolicyGradient.Devices;

/// <summary>
/// What a batch needs against what the device has, checked before allocating, so a too-large
/// --envs gets a sentence with numbers instead of an out-of-memory crash mid-allocation.
/// </summary>
internal static class DeviceMemory
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

    /// <summary>
    /// Checks the whole batch, <paramref name="agents"/> x <paramref name="envsPerAgent"/> envs: that the
    /// kernels' 32-bit indices reach every element (<paramref name="indexing"/>, if given) and that the
    /// bytes fit. The refusal names the largest --envs (per agent) that passes; past both limits, the
    /// tighter one speaks, so the --envs it names passes both.
    /// </summary>
    public static void EnsureFits(ComputeDevice device, int agents, int envsPerAgent, long bytesPerEnv, BatchIndexing? indexing = null) =>
        EnsureFits(Available(device), device.Kind, agents, envsPerAgent, bytesPerEnv, indexing);

    /// <summary>The same check against a device with <paramref name="availableBytes"/> free (e.g. an H200's, in a test).</summary>
    public static void EnsureFits(long availableBytes, DeviceKind kind, int agents, int envsPerAgent, long bytesPerEnv, BatchIndexing? indexing = null)
    {
        long available = (long)(availableBytes * UsableFraction);
        long envs = (long)agents * envsPerAgent;
        long needed = bytesPerEnv * envs;
        long largest = available / bytesPerEnv / agents;
        if (indexing is not null && (needed <= available || indexing.LargestEnvs / agents <= largest))
            EnsureIndexable(agents, envsPerAgent, indexing);
        if (needed <= available)
            return;
        string batch = agents == 1 ? $"--envs {envsPerAgent}" : $"{agents:N0} agents x --envs {envsPerAgent:N0} = {envs:N0} envs";
        string fits = agents == 1 ? "the largest --envs that fits" : $"the largest --envs that fits {agents:N0} agents";
        throw new InsufficientMemoryException(
            $"{batch} {(agents == 1 ? "needs" : "need")} {Gigabytes(needed)} of {kind.Name()} memory ({bytesPerEnv:N0} bytes per env) " +
            $"but {Gigabytes(available)} is available; {fits} is {largest:N0}");
    }

    /// <summary>Refuses a batch whose buffers would hold more elements than the kernels' 32-bit indices reach, whatever the device's memory.</summary>
    public static void EnsureIndexable(int agents, int envsPerAgent, BatchIndexing indexing)
    {
        long envs = (long)agents * envsPerAgent;
        if (indexing.FirstPastLimit(envs) is not { } past)
            return;
        long largest = indexing.LargestEnvs / agents;
        string batch = agents == 1 ? $"--envs {envsPerAgent:N0}" : $"{agents:N0} agents x --envs {envsPerAgent:N0} = {envs:N0} envs";
        string fits = agents == 1 ? $"the largest --envs for --hidden {indexing.Hidden}" : $"the largest --envs for {agents:N0} agents with --hidden {indexing.Hidden}";
        throw new BatchIndexException(
            $"{batch} with --hidden {indexing.Hidden} {(agents == 1 ? "needs" : "need")} {past.ElementsFor(envs):N0} {past.Name} on the device, " +
            $"past the {IndexLimits.MaxElements:N0} that the kernels' 32-bit indices reach; {fits} is {largest:N0}");
    }

    private static string Gigabytes(long bytes) => $"{bytes / 1e9:F2} GB";
}

/// <summary>A batch too large for the kernels' 32-bit element indices (<see cref="IndexLimits"/>).</summary>
internal sealed class BatchIndexException(string message) : Exception(message);
