namespace Pgvec.Commands;

/// <summary>How a training verb that ran exits: 0, solved or not, or 130 if it was interrupted.</summary>
public static class TrainingExit
{
    public static int Code => Interruption.Requested ? Interruption.ExitCode : ExitCodes.Completed;
}
