using PolicyGradient.Distributed;

namespace Pgvec.CommandLine;

/// <summary>A command that can run as the ranks of an MPI job (mpirun, srun): every rank executes it with the job's process group.</summary>
internal interface IDistributedCommand : ICommand
{
    int Execute(TextWriter stdout, TextWriter stderr, IProcessGroup processes);

    int ICommand.Execute(TextWriter stdout, TextWriter stderr) => Execute(stdout, stderr, new SingleProcess());
}
