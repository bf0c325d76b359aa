using Pgvec.CommandLine;

namespace Pgvec;

/// <summary>
/// The pgvec command line, callable in-process: parse, run one verb, and turn every failure into
/// one line on stderr and an exit code (no stack traces reach the user).
/// </summary>
public static class Cli
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            return CommandLineParsing.Parse(args).Execute(stdout, stderr);
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"pgvec: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"pgvec: error: {e.Message.Split('\n')[0].TrimEnd()}");
            return ExitCodes.Failure;
        }
    }
}
