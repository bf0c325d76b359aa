using System.Runtime.InteropServices;

namespace PolicyGradient.Distributed;

/// <summary>
/// The few Open MPI calls pgvec needs, bound to Debian's libmpi.so.40. Open MPI's predefined
/// handles (MPI_COMM_WORLD, MPI_BYTE, ...) are addresses of exported globals, not integers as in
/// MPICH, so they are looked up by symbol. Every call returns MPI_SUCCESS (0) or the job aborts
/// under the default MPI_ERRORS_ARE_FATAL handler.
/// </summary>
internal static partial class OpenMpi
{
    public const string Library = "libmpi.so.40";

    [LibraryImport(Library, EntryPoint = "MPI_Init")]
    public static partial int Init(IntPtr argc, IntPtr argv);

    [LibraryImport(Library, EntryPoint = "MPI_Finalize")]
    public static partial int Finalize();

    [LibraryImport(Library, EntryPoint = "MPI_Comm_rank")]
    public static partial int CommRank(IntPtr comm, out int rank);

    [LibraryImport(Library, EntryPoint = "MPI_Comm_size")]
    public static partial int CommSize(IntPtr comm, out int size);

    [LibraryImport(Library, EntryPoint = "MPI_Allgather")]
    public static unsafe partial int Allgather(void* send, int sendCount, IntPtr sendType, void* receive, int receiveCount, IntPtr receiveType, IntPtr comm);

    [LibraryImport(Library, EntryPoint = "MPI_Allgatherv")]
    public static unsafe partial int Allgatherv(void* send, int sendCount, IntPtr sendType, void* receive, int* receiveCounts, int* displacements, IntPtr receiveType, IntPtr comm);

    [LibraryImport(Library, EntryPoint = "MPI_Bcast")]
    public static unsafe partial int Bcast(void* buffer, int count, IntPtr type, int root, IntPtr comm);

    [LibraryImport(Library, EntryPoint = "MPI_Abort")]
    public static partial int Abort(IntPtr comm, int errorCode);

    public static IntPtr CommWorld => Handle("ompi_mpi_comm_world");
    public static IntPtr Byte => Handle("ompi_mpi_byte");
    public static IntPtr Int => Handle("ompi_mpi_int");

    private static readonly Lazy<IntPtr> LibraryHandle = new(() => NativeLibrary.Load(Library));

    private static IntPtr Handle(string symbol) => NativeLibrary.GetExport(LibraryHandle.Value, symbol);
}
