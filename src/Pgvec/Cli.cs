using Pgvec.CommandLine;
using PolicyGradient.Distributed;

namespace Pgvec;

/// <summary>
/// The pgvec command line, callable in-process: parse, run one verb, and turn every failure into
/// one line on stderr and an exit code (no stack traces reach the user).
/// </summary>
internal static class Cli
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, DebugOutput.FromEnvironment(stderr));

    /// <param name="debug">PGVEC_DEBUG's output: the trace on stderr, and a failure's whole exception after its line.</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, DebugOutput debug)
    {
        using (debug)
        {
            try
            {
                return CommandLineParsing.Parse(args).Execute(stdout, stderr);
            }
            catch (RunInterruptedException e)
            {
                stderr.WriteLine($"pgvec: {e.Message}");
                return Interruption.ExitCode;
            }
            catch (UsageException e)
            {
                stderr.WriteLine($"pgvec: {e.Message}");
                return ExitCodes.Usage;
            }
            catch (Exception e)
            {
                stderr.WriteLine($"pgvec: error: {FirstLine(e)}");
                debug.Report(e, stderr);
                return ExitCodes.Failure;
            }
        }
    }

    /// <summary>
    /// One rank of an MPI job. The ranks agree on the arguments before any works: a usage error
    /// on any rank (the same on all, or one that saw rank 0's run directory appear) is said once,
    /// by rank 0, and every rank exits 2. A rank that fails later says so naming itself and
    /// aborts the job, so the others do not wait for it in a collective.
    /// </summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, MpiLaunch launch)
    {
        using MpiProcessGroup processes = MpiProcessGroup.Join(launch);
        using DebugOutput debug = DebugOutput.FromEnvironment(stderr);
        try
        {
            IDistributedCommand command = AgreedCommand(args, launch, processes);
            return command.Execute(stdout, stderr, processes);
        }
        catch (RunInterruptedException)
        {
            return Interruption.ExitCode;
        }
        catch (UsageException e)
        {
            if (processes.Rank == 0)
                stderr.WriteLine($"pgvec: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"pgvec: error on rank {processes.Rank} of {processes.Size}: {FirstLine(e)}");
            debug.Report(e, stderr);
            stderr.Flush();
            processes.Abort(ExitCodes.Failure);
            return ExitCodes.Failure;
        }
    }

    private static IDistributedCommand AgreedCommand(string[] args, MpiLaunch launch, IProcessGroup processes)
    {
        IDistributedCommand? command = null;
        string usage = "";
        try
        {
            command = CommandLineParsing.Parse(args) as IDistributedCommand
                ?? throw new UsageException($"this verb runs as one process: start it without {launch.Launcher} (pgvec sweep and pgvec train run under it)");
        }
        catch (UsageException e)
        {
            usage = e.Message;
        }
        byte[][] verdicts = processes.AllGather(System.Text.Encoding.UTF8.GetBytes(usage));
        byte[]? refused = verdicts.FirstOrDefault(v => v.Length > 0);
        if (refused is not null)
            throw new UsageException(System.Text.Encoding.UTF8.GetString(refused));
        return command!;
    }

    /// <summary>One line, never a stack trace or a multi-line driver message.</summary>
    private static string FirstLine(Exception e) => e.Message.Split('\n')[0].TrimEnd();
}
