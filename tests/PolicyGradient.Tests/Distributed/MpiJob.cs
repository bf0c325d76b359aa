using System.Diagnostics;

namespace PolicyGradient.Tests.Distributed;

/// <summary>Real `mpirun -np 2` jobs of pgvec.dll (tests/run installs Open MPI where mpirun is missing).</summary>
internal static class MpiJob
{
    /// <summary>The test collection of every mpirun test: one job at a time on CI's 2 cores.</summary>
    public const string Collection = "mpirun";

    public const string Missing = "mpirun is not installed: tests/run installs Open MPI (Debian: openmpi-bin)";

    public static string? Mpirun => System.Environment.GetEnvironmentVariable("PATH")?.Split(':')
        .Select(d => Path.Combine(d, "mpirun")).FirstOrDefault(File.Exists);

    public static ProcessStartInfo TwoRanks(string workingDirectory, params string[] args)
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

    /// <summary>Runs two ranks to the end (killed, and the test failed, past 120 s).</summary>
    public static (int Exit, string Stdout, string Stderr) Run(string workingDirectory, params string[] args)
    {
        using var process = Process.Start(TwoRanks(workingDirectory, args))!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("mpirun did not finish within 120 s");
        }
        return (process.ExitCode, output.Result, stderr.Result);
    }

    /// <summary>Runs two ranks to the end; returns stdout after checking the exit code is 0.</summary>
    public static string RunTwoRanks(string workingDirectory, params string[] args)
    {
        var (exit, stdout, stderr) = Run(workingDirectory, args);
        Assert.True(exit == 0, $"mpirun exited {exit}: {stderr}");
        return stdout;
    }

    /// <summary>Starts two ranks, kills rank 1 once it runs, and checks that the job ends within seconds, non-zero, naming rank 1.</summary>
    public static void KillRankOneAndExpectTheJobToEnd(string workingDirectory, params string[] args)
    {
        using var process = Process.Start(TwoRanks(workingDirectory, args))!;
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
        // mpirun ends the survivors with SIGTERM: that is no user's interrupt to announce.
        Assert.DoesNotContain("pgvec: interrupted", stderr.Result);
        Assert.True(killed.Elapsed < TimeSpan.FromSeconds(30), $"the job took {killed.Elapsed.TotalSeconds:F0} s to end after rank 1 died");
        _ = stdout.Result;
    }

    /// <summary>The process id of rank <paramref name="rank"/> among mpirun's descendants, by the rank Open MPI puts in its environment.</summary>
    public static int WaitForRank(int mpirun, int rank, TimeSpan timeout)
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
                    if (environ.Split('\0').Contains($"OMPI_COMM_WORLD_RANK={rank}") && File.ReadAllText(Path.Combine(dir, "cmdline")).Contains("pgvec.dll")
                        && DescendsFrom(pid, mpirun))
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

    /// <summary>Whether <paramref name="pid"/> is a descendant of <paramref name="ancestor"/> (another job's ranks are not this one's).</summary>
    private static bool DescendsFrom(int pid, int ancestor)
    {
        while (pid > 1)
        {
            // /proc/PID/stat: "pid (comm) state ppid ...", comm may hold spaces: read after the last ')'.
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            pid = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
            if (pid == ancestor)
                return true;
        }
        return false;
    }
}
