using PolicyGradient.Output;

namespace Pgvec.CommandLine;

/// <summary>`pgvec --version`: the version every file a run writes records.</summary>
internal sealed class VersionRequest : ICommand
{
    public int Execute(TextWriter stdout, TextWriter stderr)
    {
        stdout.WriteLine($"pgvec {PgvecVersion.Text}");
        return ExitCodes.Completed;
    }
}
