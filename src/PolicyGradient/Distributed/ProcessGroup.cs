namespace PolicyGradient.Distributed;

/// <summary>
/// The processes of one run: one alone, or the ranks of an MPI job. Collectives move bytes; every
/// rank calls them in the same order. What is gathered comes back in rank order, so every rank can
/// combine it in the same fixed order and hold the same bits.
/// </summary>
internal interface IProcessGroup : IDisposable
{
    int Rank { get; }
    int Size { get; }
    /// <summary>Which of its node's GPUs and what share of its cores this process takes.</summary>
    DevicePlacement Placement { get; }
    bool IsRoot => Rank == 0;

    /// <summary>Every rank's bytes, in rank order, on every rank (the lengths may differ).</summary>
    byte[][] AllGather(ReadOnlySpan<byte> local);

    /// <summary>Rank 0's bytes on every rank.</summary>
    byte[] Broadcast(byte[]? fromRoot);

    /// <summary>Ends every rank at once with this exit code: a failing rank must not leave the others waiting in a collective.</summary>
    void Abort(int exitCode);
}

/// <summary>A run of one process: the collectives are the identity.</summary>
internal sealed class SingleProcess : IProcessGroup
{
    public int Rank => 0;
    public int Size => 1;
    public DevicePlacement Placement => DevicePlacement.Alone;

    public byte[][] AllGather(ReadOnlySpan<byte> local) => [local.ToArray()];

    public byte[] Broadcast(byte[]? fromRoot) => fromRoot ?? throw new ArgumentNullException(nameof(fromRoot));

    public void Abort(int exitCode) => System.Environment.Exit(exitCode);

    public void Dispose()
    {
    }
}
