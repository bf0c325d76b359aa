namespace Pgvec.Commands;

/// <summary>How a training verb that ran exits: 0, solved or not, or 130 if what it wrote says it was interrupted.</summary>
internal static class TrainingExit
{
    public static int Of(bool interrupted) => interrupted ? Interruption.ExitCode : ExitCodes.Completed;
}
