namespace PolicyGradient.Distributed;

/// <summary>
/// Which accelerator one process takes: under MPI, rank r on a node takes GPU (local rank mod the
/// GPUs present) and, on the CPU accelerator, its share of the node's cores, so ranks on one node
/// do not fight over the same device.
/// </summary>
internal sealed record DevicePlacement(int LocalRank, int LocalSize)
{
    public static DevicePlacement Alone { get; } = new(0, 1);

    public static DevicePlacement For(MpiLaunch? launch) =>
        launch is null ? Alone : new DevicePlacement(launch.LocalRank, Math.Max(1, launch.LocalSize));

    /// <summary>The index among <paramref name="devices"/> accelerators of one kind that this process takes.</summary>
    public int DeviceIndex(int devices) => devices <= 0 ? 0 : LocalRank % devices;

    /// <summary>This process's share of <paramref name="cores"/>: an even split, the first ranks taking the remainder.</summary>
    public int CpuCores(int cores)
    {
        int share = cores / LocalSize + (LocalRank % LocalSize < cores % LocalSize ? 1 : 0);
        return Math.Max(1, share);
    }
}
