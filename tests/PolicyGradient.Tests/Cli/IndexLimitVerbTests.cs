namespace PolicyGradient.Tests.Cli;

/// <summary>A batch past the kernels' 32-bit indices is refused with one line before anything is allocated or written, on any device.</summary>
public class IndexLimitVerbTests
{
    [Theory]
    [InlineData(new[] { "train", "--envs", "9000000" },
        "pgvec: error: --envs 9,000,000 with --hidden 32 needs 4,500,000,000 trajectory records on the device, past the 2,147,483,647 that the kernels' 32-bit indices reach; the largest --envs for --hidden 32 is 4,294,960")]
    [InlineData(new[] { "train", "--envs", "1048576", "--hidden", "1024" },
        "pgvec: error: --envs 1,048,576 with --hidden 1024 needs 7,520,387,072 gradient-row doubles on the device, past the 2,147,483,647 that the kernels' 32-bit indices reach; the largest --envs for --hidden 1024 is 299,426")]
    [InlineData(new[] { "sweep", "--envs", "100000", "--seeds", "0-63" },
        "pgvec: error: 64 agents x --envs 100,000 = 6,400,000 envs with --hidden 32 need 3,200,000,000 trajectory records on the device, past the 2,147,483,647 that the kernels' 32-bit indices reach; the largest --envs for 64 agents with --hidden 32 is 67,108")]
    public void A_batch_past_32_bit_indices_is_refused_with_the_largest_envs_and_leaves_no_run_directory(string[] args, string line)
    {
        using var dir = new TempDirectory();
        string directory = dir.Combine("run");

        var run = CliRun.Of([.. args, "--device", "cpu", "--quiet", "--out", directory]);

        run.AssertRuntimeFailure();
        Assert.Equal(line, Assert.Single(run.StderrLines));
        Assert.False(Directory.Exists(directory), "a refused run left its directory");
    }
}
