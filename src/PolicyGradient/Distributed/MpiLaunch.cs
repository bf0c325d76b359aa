namespace PolicyGradient.Distributed;

/// <summary>
/// How this process was started, read from the environment alone, so a process that was not
/// started by mpirun or srun never loads MPI. Open MPI's mpirun sets OMPI_COMM_WORLD_*; Slurm's
/// srun sets SLURM_PROCID / SLURM_NTASKS / SLURM_LOCALID (with --mpi=pmix Open MPI then
/// initialises from PMIx).
/// </summary>
internal sealed record MpiLaunch(int Rank, int Size, int LocalRank, int LocalSize, string Launcher)
{
    public static MpiLaunch? FromEnvironment() => From(name => System.Environment.GetEnvironmentVariable(name));

    public static MpiLaunch? From(Func<string, string?> variable)
    {
        if (Read(variable, "OMPI_COMM_WORLD_SIZE") is { } size)
        {
            return new MpiLaunch(Read(variable, "OMPI_COMM_WORLD_RANK") ?? 0, size,
                Read(variable, "OMPI_COMM_WORLD_LOCAL_RANK") ?? 0, Read(variable, "OMPI_COMM_WORLD_LOCAL_SIZE") ?? size, "mpirun");
        }
        if (Read(variable, "SLURM_NTASKS") is { } tasks && Read(variable, "SLURM_PROCID") is { } rank
            && variable("PMIX_RANK") is not null)
        {
            // SLURM_TASKS_PER_NODE is a compressed list ("2(x3),1"); an even share per node is enough to split cores.
            int nodes = Math.Max(1, Read(variable, "SLURM_NNODES") ?? 1);
            return new MpiLaunch(rank, tasks, Read(variable, "SLURM_LOCALID") ?? 0, (tasks + nodes - 1) / nodes, "srun");
        }
        return null;
    }

    private static int? Read(Func<string, string?> variable, string name) =>
        int.TryParse(variable(name), out int value) && value >= 0 ? value : null;
}
