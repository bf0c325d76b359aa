using System.Text.Json;
using PolicyGradient.Tests.Cli;

namespace PolicyGradient.Tests.Distributed;

/// <summary>
/// Real `mpirun -np 2` jobs of pgvec.dll (tests/run installs Open MPI where mpirun is missing):
/// the ranks split the sweep's agents and rank 0 writes the one run directory.
/// </summary>
[Collection(MpiJob.Collection)]
public class MpiSweepTests
{
    private static readonly string[] Grid = ["sweep", "--seeds", "0-3", "--lr", "0.03,0.1", "--envs", "16", "--device", "cpu", "--max-iterations", "30", "--quiet"];

    [SkippableFact]
    public void Two_ranks_write_one_run_directory_equal_to_a_single_process_sweep()
    {
        Skip.If(MpiJob.Mpirun is null, MpiJob.Missing);
        using var temp = new TempDirectory();
        string single = temp.Combine("single"), ranks = temp.Combine("ranks");
        Assert.Equal(0, CliRun.Of([.. Grid, "--out", single]).Exit);

        string stdout = MpiJob.RunTwoRanks(temp.Path, [.. Grid, "--out", ranks]);
        // Each agent trained on one rank ends with the bits the single-process sweep gives it.
        Assert.Equal(File.ReadAllText(Path.Combine(single, "sweep.csv")), File.ReadAllText(Path.Combine(ranks, "sweep.csv")));
        foreach (string policy in Directory.GetFiles(Path.Combine(single, "policies")))
            Assert.Equal(File.ReadAllBytes(policy), File.ReadAllBytes(Path.Combine(ranks, "policies", Path.GetFileName(policy))));
        var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(single, "sweep.json"))).RootElement.GetProperty("agents");
        var actual = JsonDocument.Parse(File.ReadAllText(Path.Combine(ranks, "sweep.json"))).RootElement.GetProperty("agents");
        Assert.Equal(expected.GetArrayLength(), actual.GetArrayLength());
        for (int a = 0; a < expected.GetArrayLength(); a++)
        {
            foreach (string field in new[] { "solved", "iterations", "env_steps", "final_mean_return", "greedy_eval_mean_return" })
                Assert.Equal(expected[a].GetProperty(field).GetRawText(), actual[a].GetProperty(field).GetRawText());
        }
        // One run directory, written by rank 0 alone, and one summary on stdout.
        Assert.Equal([ranks, single], Directory.GetDirectories(temp.Path).Order());
        Assert.Single(stdout.Split('\n'), l => l.StartsWith("sweep: "));
    }

    [SkippableFact]
    public void Two_ranks_sweeping_two_environments_write_the_directory_a_single_process_writes()
    {
        Skip.If(MpiJob.Mpirun is null, MpiJob.Missing);
        using var temp = new TempDirectory();
        // Three seeds: Acrobot-v1's batch starts at agent 3, on rank 1.
        string[] grid = ["sweep", "--env", "CartPole-v1,Acrobot-v1", "--seeds", "0-2", "--envs", "8", "--device", "cpu", "--max-iterations", "3", "--quiet"];
        string single = temp.Combine("single"), ranks = temp.Combine("ranks");
        Assert.Equal(0, CliRun.Of([.. grid, "--out", single]).Exit);

        MpiJob.RunTwoRanks(temp.Path, [.. grid, "--out", ranks]);
        Assert.Equal(File.ReadAllText(Path.Combine(single, "sweep.csv")), File.ReadAllText(Path.Combine(ranks, "sweep.csv")));
        string[] policies = Directory.GetFiles(Path.Combine(single, "policies"));
        Assert.Equal(6, policies.Length);
        foreach (string policy in policies)
            Assert.Equal(File.ReadAllBytes(policy), File.ReadAllBytes(Path.Combine(ranks, "policies", Path.GetFileName(policy))));
    }

    [SkippableFact]
    public void A_rank_that_dies_ends_the_job_within_seconds_naming_the_rank()
    {
        Skip.If(MpiJob.Mpirun is null, MpiJob.Missing);
        using var temp = new TempDirectory();
        // Long enough that both ranks are still training when rank 1 is killed.
        MpiJob.KillRankOneAndExpectTheJobToEnd(temp.Path, "sweep", "--seeds", "0-3", "--envs", "2048", "--device", "cpu", "--max-iterations", "500", "--out", temp.Combine("run"));
    }
}
