using System.Diagnostics;
using System.Text.Json;
using PolicyGradient.Tests.Cli;

namespace PolicyGradient.Tests.Distributed;

/// <summary>
/// Real `mpirun -np 2` jobs of pgvec.dll (tests/run installs Open MPI where mpirun is missing):
/// the ranks split the sweep's agents and rank 0 writes the one run directory.
/// </summary>
public class MpiSweepTests
{
    private static readonly string[] Grid = ["sweep", "--seeds", "0-3", "--lr", "0.03,0.1", "--envs", "16", "--device", "cpu", "--max-iterations", "30", "--quiet"];

    private static string? Mpirun => System.Environment.GetEnvironmentVariable("PATH")?.Split(':')
        .Select(d => Path.Combine(d, "mpirun")).FirstOrDefault(File.Exists);

    private static ProcessStartInfo TwoRanks(string workingDirectory, params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "pgvec.dll");
        // Two ranks on however many cores there are; root (as in CI containers) must be allowed explicitly.
        string[] mpi = ["-np", "2", "--oversubscribe", .. System.Environment.UserName == "root" ? new[] { "--allow-run-as-root" } : [], "dotnet", dll];
        return new ProcessStartInfo(Mpirun!, [.. mpi, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
    }

    [SkippableFact]
    public void Two_ranks_write_one_run_directory_equal_to_a_single_process_sweep()
    {
        Skip.If(Mpirun is null, "mpirun is not installed: tests/run installs Open MPI (Debian: openmpi-bin)");
        using var temp = new TempDirectory();
        string single = temp.Combine("single"), ranks = temp.Combine("ranks");
        Assert.Equal(0, CliRun.Of([.. Grid, "--out", single]).Exit);

        using var process = Process.Start(TwoRanks(temp.Path, [.. Grid, "--out", ranks]))!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("mpirun did not finish within 120 s");
        }
        string stdout = output.Result;
        Assert.True(process.ExitCode == 0, $"mpirun exited {process.ExitCode}: {stderr.Result}");

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
    public void A_rank_that_dies_ends_the_job_within_seconds_naming_the_rank()
    {
        Skip.If(Mpirun is null, "mpirun is not installed: tests/run installs Open MPI (Debian: openmpi-bin)");
        using var temp = new TempDirectory();
        // Long enough that both ranks are still training when rank 1 is killed.
        using var process = Process.Start(TwoRanks(temp.Path, "sweep", "--seeds", "0-3", "--envs", "2048", "--device", "cpu", "--max-iterations", "500", "--out", temp.Combine("run")))!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        int rank1;
        try
        {
            rank1 = WaitForRank(process.Id, 1, TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        Thread.Sleep(1000);
        Process.GetProcessById(rank1).Kill();
        var killed = Stopwatch.StartNew();

        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the job hung after rank 1 died");
        }
        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains(stderr.Result.Split('\n'), l => l.Contains("process rank 1") && l.Contains("signal 9"));
        Assert.True(killed.Elapsed < TimeSpan.FromSeconds(30), $"the job took {killed.Elapsed.TotalSeconds:F0} s to end after rank 1 died");
        _ = stdout.Result;
    }

    /// <summary>The process id of rank <paramref name="rank"/> among mpirun's descendants, by the rank Open MPI puts in its environment.</summary>
    private static int WaitForRank(int mpirun, int rank, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            foreach (string dir in Directory.GetDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out int pid) || pid == mpirun)
                    continue;
                try
                {
                    string environ = File.ReadAllText(Path.Combine(dir, "environ"));
                    if (environ.Split('\0').Contains($"OMPI_COMM_WORLD_RANK={rank}") && File.ReadAllText(Path.Combine(dir, "cmdline")).Contains("pgvec.dll"))
                        return pid;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                }
            }
            Thread.Sleep(100);
        }
        throw new TimeoutException($"rank {rank} did not start within {timeout.TotalSeconds} s");
    }
}
