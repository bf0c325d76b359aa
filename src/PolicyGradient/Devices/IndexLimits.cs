using PolicyGradient.Kernels;

namespace PolicyGradient.Devices;

/// <summary>One device buffer that grows with the envs: its elements per env, padded to whole tiles of envs.</summary>
/// <param name="Name">What a user is told the elements are, e.g. "trajectory records".</param>
/// <param name="EnvsPerTile">The buffer holds whole tiles of this many envs (trajectories: <see cref="TrajectoryTiles.Width"/>).</param>
internal sealed record PerEnvElements(string Name, long ElementsPerEnv, int EnvsPerTile = 1)
{
    public long ElementsFor(long envs) => (envs + EnvsPerTile - 1) / EnvsPerTile * EnvsPerTile * ElementsPerEnv;

    /// <summary>The most envs whose elements number at most <paramref name="maxElements"/>.</summary>
    public long LargestEnvs(long maxElements) => maxElements / (ElementsPerEnv * EnvsPerTile) * EnvsPerTile;
}

/// <summary>A batch's per-env device buffers, for the network of <paramref name="Hidden"/> units the refusal names.</summary>
internal sealed record BatchIndexing(int Hidden, IReadOnlyList<PerEnvElements> Buffers)
{
    /// <summary>The most envs (all agents together) whose every buffer stays within <see cref="IndexLimits.MaxElements"/>.</summary>
    public long LargestEnvs => IndexLimits.LargestEnvs(Buffers);

    /// <summary>The first buffer that would pass <see cref="IndexLimits.MaxElements"/> at <paramref name="envs"/> envs; null when none does.</summary>
    public PerEnvElements? FirstPastLimit(long envs) => Buffers.FirstOrDefault(b => b.ElementsFor(envs) > IndexLimits.MaxElements);
}

/// <summary>
/// The kernels index their buffers in 32 bits: C# int on the CPU accelerator, where an index past
/// 2^31 goes negative, and in the PTX, which computes element offsets in 32 bits and widens them
/// afterwards, so on a GPU an offset wraps at 2^32 and still lands inside the buffer: wrong
/// numbers, no crash. Rather than 64-bit indices everywhere, a batch whose buffers would hold
/// more than 2^31 - 1 elements is refused before anything is allocated (<see cref="DeviceMemory"/>).
/// </summary>
internal static class IndexLimits
{
    /// <summary>Elements a buffer may hold: every index, and the end index, stays an int.</summary>
    public const long MaxElements = int.MaxValue;

    /// <summary>The most envs whose every buffer holds at most <see cref="MaxElements"/> elements.</summary>
    public static long LargestEnvs(IEnumerable<PerEnvElements> buffers) => buffers.Min(b => b.LargestEnvs(MaxElements));

    /// <summary>
    /// The buffers of a batch (<c>EpisodeBatch</c>) that grow with the envs, for a policy of this layout. The work
    /// items the kernels stride over (envs x hidden groups, the reduction's rows x columns) are
    /// fewer than the gradient row's doubles, so the gradient rows bound them too.
    /// </summary>
    public static BatchIndexing ForBatch(PolicyLayout layout, int maxSteps) => new(layout.Hidden,
    [
        new PerEnvElements("trajectory records", maxSteps, TrajectoryTiles.Width),
        new PerEnvElements("gradient-row doubles", GradientKernel.Width(layout.Count)),
        new PerEnvElements("statistics-row doubles", EpisodeStatistics.Width),
    ]);
}
