using PolicyGradient.Batched;
using PolicyGradient.Devices;

namespace PolicyGradient.Tests.Devices;

/// <summary>
/// A batch whose buffers pass 2^31 elements would wrap the kernels' 32-bit offsets on a GPU and
/// still land inside the buffers; it is refused before allocating, even where the bytes fit.
/// </summary>
public class IndexLimitsTests
{
    /// <summary>An H200's memory, as CUDA reports it free on an idle device.</summary>
    private const long H200Bytes = 139L * 1024 * 1024 * 1024;
    private const int MaxSteps = 500;

    [Theory]
    // 9M envs x 500 steps = 4.5e9 trajectory records in 125 GB: the bytes fit an H200, the indices do not.
    [InlineData(32, 8_000_000, "4,000,000,000 trajectory records", 4_294_960)]
    // 1M envs x 7,172 gradient-row doubles = 7.5e9 doubles in 73 GB.
    [InlineData(1024, 1_048_576, "7,520,387,072 gradient-row doubles", 299_426)]
    public void A_batch_past_32_bit_indices_on_an_H200_is_refused_naming_the_largest_envs_for_its_hidden_size(int hidden, int envs, string past, int largest)
    {
        long bytesPerEnv = CartPoleShapes.Device.BytesPerEnv(hidden, MaxSteps);
        Assert.True(bytesPerEnv * envs < H200Bytes * 0.9, "the bytes alone fit: only the indices can refuse it");

        var e = Assert.Throws<BatchIndexException>(() =>
            DeviceMemory.EnsureFits(H200Bytes, DeviceKind.Cuda, 1, envs, bytesPerEnv, IndexLimits.ForBatch(CartPoleShapes.Layout(hidden), MaxSteps)));

        Assert.Equal(
            $"--envs {envs:N0} with --hidden {hidden} needs {past} on the device, past the 2,147,483,647 that the kernels' 32-bit indices reach; " +
            $"the largest --envs for --hidden {hidden} is {largest:N0}",
            e.Message);
        // The largest is accepted (its bytes fit an H200 too), one more env is not.
        DeviceMemory.EnsureFits(H200Bytes, DeviceKind.Cuda, 1, largest, bytesPerEnv, IndexLimits.ForBatch(CartPoleShapes.Layout(hidden), MaxSteps));
        Assert.Throws<BatchIndexException>(() => DeviceMemory.EnsureIndexable(1, largest + 1, IndexLimits.ForBatch(CartPoleShapes.Layout(hidden), MaxSteps)));
    }

    [Fact]
    public void Past_both_limits_the_tighter_one_names_the_largest_envs()
    {
        long bytesPerEnv = CartPoleShapes.Device.BytesPerEnv(32, MaxSteps);
        BatchIndexing indexing = IndexLimits.ForBatch(CartPoleShapes.Layout(32), MaxSteps);

        // 24 GiB hold fewer envs than the indices reach: the memory's limit is the one to name.
        var memory = Assert.Throws<InsufficientMemoryException>(() => DeviceMemory.EnsureFits(24L << 30, DeviceKind.Cpu, 1, 16_777_216, bytesPerEnv, indexing));
        long fits = (long)((24L << 30) * 0.9) / bytesPerEnv;
        Assert.True(fits < indexing.LargestEnvs);
        Assert.EndsWith($"the largest --envs that fits is {fits:N0}", memory.Message);
        // An H200 holds more envs than the indices reach: the indices' limit is the one to name.
        var indices = Assert.Throws<BatchIndexException>(() => DeviceMemory.EnsureFits(H200Bytes, DeviceKind.Cuda, 1, 16_777_216, bytesPerEnv, indexing));
        Assert.EndsWith("the largest --envs for --hidden 32 is 4,294,960", indices.Message);
    }

    [Fact]
    public void Every_buffer_of_the_largest_batch_stays_below_2_to_the_31_elements_and_one_more_env_passes_it()
    {
        foreach (int hidden in new[] { 1, 4, 32, 64, 1024 })
        {
            BatchIndexing indexing = IndexLimits.ForBatch(CartPoleShapes.Layout(hidden), MaxSteps);
            long largest = indexing.LargestEnvs;
            Assert.All(indexing.Buffers, b => Assert.True(b.ElementsFor(largest) <= int.MaxValue, $"{b.Name} at {largest} envs, --hidden {hidden}"));
            Assert.Contains(indexing.Buffers, b => b.ElementsFor(largest + 1) > int.MaxValue);
        }
    }

    [Fact]
    public void Trajectories_are_counted_in_whole_tiles_of_envs()
    {
        var records = new PerEnvElements("trajectory records", 500, 8);

        Assert.Equal(8 * 500, records.ElementsFor(1));
        Assert.Equal(16 * 500, records.ElementsFor(9));
        // The largest count is a whole number of tiles.
        Assert.Equal(0, records.LargestEnvs(int.MaxValue) % 8);
    }

    [Fact]
    public void Agents_share_the_limit_and_the_refusal_names_the_largest_envs_per_agent()
    {
        BatchIndexing indexing = IndexLimits.ForBatch(CartPoleShapes.Layout(32), MaxSteps);

        var e = Assert.Throws<BatchIndexException>(() => DeviceMemory.EnsureIndexable(64, 100_000, indexing));

        Assert.StartsWith("64 agents x --envs 100,000 = 6,400,000 envs with --hidden 32 need 3,200,000,000 trajectory records", e.Message);
        Assert.EndsWith($"the largest --envs for 64 agents with --hidden 32 is {4_294_960 / 64:N0}", e.Message);
        DeviceMemory.EnsureIndexable(64, 4_294_960 / 64, indexing);
    }
}
