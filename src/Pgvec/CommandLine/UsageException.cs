namespace Pgvec.CommandLine;

/// <summary>Bad usage or input: the message is the one line the user sees after "pgvec: ".</summary>
internal sealed class UsageException(string message) : Exception(message);
