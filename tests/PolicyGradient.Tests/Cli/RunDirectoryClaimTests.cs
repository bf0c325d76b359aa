using System.Diagnostics;
using Pgvec.CommandLine;
using Pgvec.Commands;

namespace PolicyGradient.Tests.Cli;

/// <summary>No two runs ever share a directory, and a run that cannot start leaves none behind.</summary>
public class RunDirectoryClaimTests
{
    private const int Racers = 8;

    [Fact]
    public void Runs_claiming_one_default_name_at_the_same_moment_each_get_their_own_directory()
    {
        using var temp = new TempDirectory();
        string name = temp.Combine("train-20260101-120000-000");
        var directories = Enumerable.Range(0, Racers).Select(_ => RunDirectory.ForDefaultName(name)).ToArray();
        using var start = new Barrier(Racers);

        string[] claimed = Race(directories, d => { start.SignalAndWait(); return d.Claim(); });

        Assert.Equal(Racers, claimed.Distinct().Count());
        string[] expected = [name, .. Enumerable.Range(2, Racers - 1).Select(n => $"{name}-{n}")];
        Assert.Equal(expected.Order(StringComparer.Ordinal), claimed.Order(StringComparer.Ordinal));
        Assert.All(claimed, d => Assert.True(File.Exists(Path.Combine(d, RunDirectory.ClaimFile))));
    }

    [Fact]
    public void Of_runs_racing_for_one_out_directory_one_gets_it_and_the_others_are_refused()
    {
        using var temp = new TempDirectory();
        string @out = temp.Combine("run");
        var directories = Enumerable.Range(0, Racers).Select(_ => RunDirectory.ForNewRun("train", @out, overwrite: false)).ToArray();
        using var start = new Barrier(Racers);

        string[] outcomes = Race(directories, d =>
        {
            start.SignalAndWait();
            try
            {
                return "claimed " + d.Claim();
            }
            catch (UsageException e)
            {
                return e.Message;
            }
        });

        Assert.Equal($"claimed {@out}", Assert.Single(outcomes, o => o.StartsWith("claimed ")));
        Assert.All(outcomes.Where(o => !o.StartsWith("claimed ")), o => Assert.StartsWith($"--out {@out} already holds a run", o));
    }

    [Fact]
    public void Three_baselines_started_together_without_out_write_three_directories()
    {
        using var temp = new TempDirectory();
        string dll = Path.Combine(AppContext.BaseDirectory, "pgvec.dll");
        var processes = Enumerable.Range(0, 3).Select(seed => Process.Start(new ProcessStartInfo("dotnet",
            [dll, "baseline", "--seed", $"{seed}", "--max-episodes", "30", "--quiet"])
        {
            WorkingDirectory = temp.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!).ToList();
        foreach (var process in processes)
        {
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            process.Dispose();
        }

        string[] runs = Directory.GetDirectories(temp.Combine("runs"));
        Assert.Equal(3, runs.Length);
        Assert.Equal([0, 1, 2], runs.Select(r => SummaryFile.Read(Path.Combine(r, "summary.json")).Integer("seed")).Order());
    }

    [SkippableFact]
    public void A_run_that_cannot_start_leaves_no_directory()
    {
        const int envs = 16_777_216, hidden = 1024;
        using (var cpu = PolicyGradient.Devices.ComputeDevice.Open(PolicyGradient.Devices.DeviceKind.Cpu, TextWriter.Null))
            Skip.If(PolicyGradient.Devices.DeviceMemory.Available(cpu) * 0.9 >= (double)envs * CartPoleShapes.Device.BytesPerEnv(hidden, 500),
                "this machine could hold the batch: nothing fails to start");
        using var temp = new TempDirectory();
        string run = temp.Combine("run");

        // Valid options, but a batch the accelerator cannot hold: refused once the device is open.
        var tooBig = CliRun.Of("train", "--envs", $"{envs}", "--hidden", $"{hidden}", "--device", "cpu", "--quiet", "--out", run);

        Assert.Equal(1, tooBig.Exit);
        // Refused by the memory or, past 2^31 gradient-row doubles, by the kernels' 32-bit indices: either names the largest --envs.
        Assert.Contains("the largest --envs ", tooBig.Stderr);
        Assert.False(Directory.Exists(run), "a run that never started left its directory");
    }

    [Fact]
    public void Overwrite_onto_a_comparison_removes_its_halves()
    {
        using var temp = new TempDirectory();
        Assert.Equal(0, CliRun.Of("compare", "--envs", "4", "--device", "cpu", "--max-iterations", "1", "--max-episodes", "2", "--quiet", "--out", temp.Path).Exit);

        var train = CliRun.Of("train", "--envs", "4", "--device", "cpu", "--max-iterations", "1", "--quiet", "--overwrite", "--out", temp.Path);

        Assert.Equal(0, train.Exit);
        Assert.Empty(Directory.GetDirectories(temp.Path));
        Assert.False(File.Exists(temp.Combine("compare.json")));
        Assert.True(File.Exists(temp.Combine("summary.json")));
    }

    private static T[] Race<T>(RunDirectory[] directories, Func<RunDirectory, T> claim)
    {
        var results = new T[directories.Length];
        var threads = directories.Select((d, i) => new Thread(() => results[i] = claim(d))).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return results;
    }
}
