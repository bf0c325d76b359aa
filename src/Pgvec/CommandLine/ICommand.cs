namespace Pgvec.CommandLine;

/// <summary>What the command line asked for, ready to run: a verb with its options, or a help page.</summary>
internal interface ICommand
{
    /// <returns>The process exit code (<see cref="ExitCodes"/>).</returns>
    int Execute(TextWriter stdout, TextWriter stderr);
}
