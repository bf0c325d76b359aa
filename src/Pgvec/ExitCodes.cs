namespace Pgvec;

internal static class ExitCodes
{
    /// <summary>The run completed, solved or not.</summary>
    public const int Completed = 0;
    /// <summary>A runtime failure: the device, the file system, ...</summary>
    public const int Failure = 1;
    /// <summary>Bad usage or input: nothing ran.</summary>
    public const int Usage = 2;
}
