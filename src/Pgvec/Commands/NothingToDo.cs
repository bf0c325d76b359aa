using Pgvec.CommandLine;

namespace Pgvec.Commands;

/// <summary>A request that is valid but already fulfilled (a resumed run that has ended): said on stderr, nothing written, exit 0.</summary>
internal sealed class NothingToDo(string reason) : ICommand
{
    public int Execute(TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine($"pgvec: {reason}");
        return ExitCodes.Completed;
    }
}
