using PolicyGradient.Distributed;

namespace PolicyGradient.Tests.Distributed;

/// <summary>
/// The ranks of a process group as threads of one process: the collectives meet at a barrier.
/// Lets data-parallel training run in a unit test, and a rank misbehave on purpose.
/// </summary>
internal sealed class ThreadProcessGroup(ThreadProcessGroup.Shared shared, int rank) : IProcessGroup
{
    public sealed class Shared(int size)
    {
        public readonly Barrier Barrier = new(size);
        public readonly byte[][] Slots = new byte[size][];
    }

    public static ThreadProcessGroup[] Of(int size)
    {
        var shared = new Shared(size);
        return [.. Enumerable.Range(0, size).Select(r => new ThreadProcessGroup(shared, r))];
    }

    public int Rank => rank;
    public int Size => shared.Slots.Length;
    public DevicePlacement Placement => DevicePlacement.Alone;

    public byte[][] AllGather(ReadOnlySpan<byte> local)
    {
        shared.Slots[rank] = local.ToArray();
        shared.Barrier.SignalAndWait();
        byte[][] all = [.. shared.Slots.Select(s => (byte[])s.Clone())];
        shared.Barrier.SignalAndWait();
        return all;
    }

    public byte[] Broadcast(byte[]? fromRoot) => AllGather(rank == 0 ? fromRoot : [])[0];

    /// <summary>A failing rank leaves the others' collectives (as MPI_Abort ends their processes).</summary>
    public void Abort(int exitCode) => shared.Barrier.RemoveParticipant();

    public void Dispose()
    {
    }
}
