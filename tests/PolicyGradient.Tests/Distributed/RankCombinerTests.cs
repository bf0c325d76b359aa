using System.Runtime.InteropServices;
using PolicyGradient.Distributed;

namespace PolicyGradient.Tests.Distributed;

public class RankCombinerTests
{
    /// <summary>A job of several ranks seen from rank 0: the other ranks' contributions are given.</summary>
    private sealed class FakeRanks(params byte[][] others) : IProcessGroup
    {
        public int Rank => 0;
        public int Size => others.Length + 1;
        public DevicePlacement Placement => DevicePlacement.Alone;
        public byte[][] AllGather(ReadOnlySpan<byte> local) => [local.ToArray(), .. others];
        public byte[] Broadcast(byte[]? fromRoot) => fromRoot!;
        public void Abort(int exitCode) => throw new InvalidOperationException("aborted");
        public void Dispose()
        {
        }
    }

    private static byte[] Bytes(params double[] values) => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    [Theory]
    [InlineData(0, 3, 10, 0, 4)]
    [InlineData(1, 3, 10, 4, 3)]
    [InlineData(2, 3, 10, 7, 3)]
    [InlineData(1, 2, 4096, 2048, 2048)]
    [InlineData(3, 4, 2, 2, 0)]
    public void Ranks_split_the_envs_into_consecutive_shares(int rank, int size, int envs, int first, int count) =>
        Assert.Equal((first, count), RankCombiner.ShareOf(rank, size, envs));

    [Fact]
    public void Rows_are_summed_in_rank_order_with_min_and_max_columns()
    {
        var combiner = new RankCombiner(new FakeRanks(Bytes(10, 5, 7, 0.25), Bytes(100, 2, 9, 0.5)));
        double[] row = [1, 3, 8, 0.125];

        combiner.Combine(row, minColumn: 1, maxColumn: 2);

        Assert.Equal([(1.0 + 10) + 100, 2, 9, (0.125 + 0.25) + 0.5], row);
    }

    [Fact]
    public void Any_rank_asking_to_stop_stops_every_rank()
    {
        double[] parameters = [0.5, -1.25];
        Assert.False(new RankCombiner(new FakeRanks([0, .. Bytes(parameters)])).AfterUpdate(parameters, false, "iteration 3"));
        Assert.True(new RankCombiner(new FakeRanks([1, .. Bytes(parameters)])).AfterUpdate(parameters, false, "iteration 3"));
        Assert.True(new RankCombiner(new FakeRanks([0, .. Bytes(parameters)])).AfterUpdate(parameters, true, "iteration 3"));
    }

    [Fact]
    public void A_rank_whose_parameters_differ_stops_the_run_naming_it()
    {
        double[] parameters = [0.5, -1.25];
        var combiner = new RankCombiner(new FakeRanks([0, .. Bytes(parameters)], [0, .. Bytes(0.5, Math.BitIncrement(-1.25))]));

        var e = Assert.Throws<InvalidOperationException>(() => combiner.AfterUpdate(parameters, false, "iteration 7"));
        Assert.Equal("rank 2's parameters differ from rank 0's after iteration 7: the ranks no longer train one policy", e.Message);
    }
}
