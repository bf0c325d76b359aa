namespace PolicyGradient.Distributed;

/// <summary>The ranks of an Open MPI job (mpirun, or srun --mpi=pmix), through <see cref="OpenMpi"/>.</summary>
internal sealed class MpiProcessGroup : IProcessGroup
{
    private readonly IntPtr _world;
    private bool _finalized;

    private MpiProcessGroup(MpiLaunch launch)
    {
        Check(OpenMpi.Init(IntPtr.Zero, IntPtr.Zero), "MPI_Init");
        _world = OpenMpi.CommWorld;
        Check(OpenMpi.CommRank(_world, out int rank), "MPI_Comm_rank");
        Check(OpenMpi.CommSize(_world, out int size), "MPI_Comm_size");
        Rank = rank;
        Size = size;
        Placement = DevicePlacement.For(launch);
    }

    public int Rank { get; }
    public int Size { get; }
    public DevicePlacement Placement { get; }

    /// <summary>Joins the MPI job this process was launched into.</summary>
    public static MpiProcessGroup Join(MpiLaunch launch)
    {
        try
        {
            return new MpiProcessGroup(launch);
        }
        catch (DllNotFoundException e)
        {
            throw new InvalidOperationException(
                $"started by {launch.Launcher} as rank {launch.Rank} of {launch.Size}, but Open MPI's {OpenMpi.Library} cannot be loaded ({e.Message.Split('\n')[0]}); install Open MPI 4 (Debian: openmpi-bin)");
        }
    }

    public unsafe byte[][] AllGather(ReadOnlySpan<byte> local)
    {
        var lengths = new int[Size];
        int length = local.Length;
        fixed (int* lengthsPointer = lengths)
            Check(OpenMpi.Allgather(&length, 1, OpenMpi.Int, lengthsPointer, 1, OpenMpi.Int, _world), "MPI_Allgather");
        var offsets = new int[Size];
        long total = 0;
        for (int r = 0; r < Size; r++)
        {
            offsets[r] = checked((int)total);
            total += lengths[r];
        }
        var all = new byte[checked((int)total)];
        fixed (byte* send = local)
        fixed (byte* receive = all)
        fixed (int* counts = lengths)
        fixed (int* displacements = offsets)
            Check(OpenMpi.Allgatherv(send, length, OpenMpi.Byte, receive, counts, displacements, OpenMpi.Byte, _world), "MPI_Allgatherv");
        return Enumerable.Range(0, Size).Select(r => all.AsSpan(offsets[r], lengths[r]).ToArray()).ToArray();
    }

    public unsafe byte[] Broadcast(byte[]? fromRoot)
    {
        int length = fromRoot?.Length ?? 0;
        Check(OpenMpi.Bcast(&length, 1, OpenMpi.Int, 0, _world), "MPI_Bcast");
        byte[] buffer = Rank == 0 ? fromRoot! : new byte[length];
        fixed (byte* pointer = buffer)
            Check(OpenMpi.Bcast(pointer, length, OpenMpi.Byte, 0, _world), "MPI_Bcast");
        return buffer;
    }

    public void Abort(int exitCode) => OpenMpi.Abort(_world, exitCode);

    public void Dispose()
    {
        if (_finalized)
            return;
        _finalized = true;
        OpenMpi.Finalize();
    }

    private static void Check(int code, string call)
    {
        if (code != 0)
            throw new InvalidOperationException($"{call} failed with MPI error {code}");
    }
}
