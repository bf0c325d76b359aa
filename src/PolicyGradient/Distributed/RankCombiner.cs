using System.Runtime.InteropServices;

namespace PolicyGradient.Distributed;

/// <summary>
/// Data-parallel training across the ranks of a job: each rank plays its share of the envs and
/// reduces its share's rows; these combine the ranks' rows in rank order, so every rank gets the
/// same bits and applies the same update; and check after every update that it did.
/// </summary>
public sealed class RankCombiner(IProcessGroup processes)
{
    public IProcessGroup Processes => processes;

    /// <summary>Rank r's share of <paramref name="envs"/> envs: (first env, count); the first ranks take one more where they do not divide evenly.</summary>
    public static (int First, int Count) ShareOf(int rank, int size, int envs)
    {
        int quotient = envs / size, remainder = envs % size;
        return (rank * quotient + Math.Min(rank, remainder), quotient + (rank < remainder ? 1 : 0));
    }

    /// <summary>Replaces <paramref name="row"/> with the sum over ranks (min and max in those columns), rank 0 first.</summary>
    public void Combine(Span<double> row, int minColumn = -1, int maxColumn = -1)
    {
        byte[][] all = processes.AllGather(MemoryMarshal.AsBytes(row));
        MemoryMarshal.Cast<byte, double>(all[0]).CopyTo(row);
        for (int rank = 1; rank < all.Length; rank++)
        {
            ReadOnlySpan<double> other = MemoryMarshal.Cast<byte, double>(all[rank]);
            for (int c = 0; c < row.Length; c++)
                row[c] = c == minColumn ? Math.Min(row[c], other[c]) : c == maxColumn ? Math.Max(row[c], other[c]) : row[c] + other[c];
        }
    }

    /// <summary>
    /// After an update: whether any rank asked to stop (so all stop together, after the same
    /// iteration), having checked that every rank holds rank 0's parameters bit for bit.
    /// </summary>
    public bool AfterUpdate(ReadOnlySpan<double> parameters, bool stopRequested, string update)
    {
        byte[] mine = [stopRequested ? (byte)1 : (byte)0, .. MemoryMarshal.AsBytes(parameters)];
        byte[][] all = processes.AllGather(mine);
        for (int rank = 1; rank < all.Length; rank++)
        {
            if (!all[rank].AsSpan(1).SequenceEqual(all[0].AsSpan(1)))
                throw new InvalidOperationException($"rank {rank}'s parameters differ from rank 0's after {update}: the ranks no longer train one policy");
        }
        return all.Any(m => m[0] != 0);
    }
}
