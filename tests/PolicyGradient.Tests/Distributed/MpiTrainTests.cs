using System.Diagnostics;
using PolicyGradient.Checkpoints;
using PolicyGradient.Tests.Cli;

namespace PolicyGradient.Tests.Distributed;

/// <summary>Real `mpirun -np 2` data-parallel train runs: each rank plays half of --envs, rank 0 writes the one run directory.</summary>
[Collection(MpiJob.Collection)]
public class MpiTrainTests
{
    private static readonly string[] Train = ["train", "--envs", "64", "--seed", "1", "--device", "cpu", "--quiet"];

    private static double[] Policy(string run) => PolicyTensors.Read(Path.Combine(run, "policy.safetensors")).Values;

    private static string[] Column(string run, string name)
    {
        string[] lines = File.ReadAllLines(Path.Combine(run, "metrics.csv"));
        int column = Array.IndexOf(lines[0].Split(','), name);
        return [.. lines.Skip(1).Select(l => l.Split(',')[column])];
    }

    [SkippableFact]
    public void Two_ranks_train_reproducibly_into_one_run_directory_close_to_one_process()
    {
        Skip.If(MpiJob.Mpirun is null, MpiJob.Missing);
        using var temp = new TempDirectory();
        string single = temp.Combine("single"), first = temp.Combine("first"), second = temp.Combine("second");
        Assert.Equal(0, CliRun.Of([.. Train, "--max-iterations", "6", "--out", single]).Exit);
        string stdout = MpiJob.RunTwoRanks(temp.Path, [.. Train, "--max-iterations", "6", "--out", first]);
        MpiJob.RunTwoRanks(temp.Path, [.. Train, "--max-iterations", "6", "--out", second]);

        // The same K, the same bits, run to run.
        Assert.Equal(File.ReadAllBytes(Path.Combine(first, "policy.safetensors")), File.ReadAllBytes(Path.Combine(second, "policy.safetensors")));
        // The ranks play the envs one process plays (the same streams): the same episodes while
        // the parameters agree this closely; only the order of the sums differs.
        Assert.Equal(Column(single, "env_steps"), Column(first, "env_steps"));
        double[] alone = Policy(single), ranks = Policy(first);
        for (int i = 0; i < alone.Length; i++)
            Assert.Equal(alone[i], ranks[i], 1e-5);
        var summary = SummaryFile.Read(Path.Combine(first, "summary.json"));
        summary.AssertConsistent();
        Assert.Equal(2, summary.Integer("processes"));
        Assert.True(summary.Number("communication_seconds") > 0);
        // One run directory (rank 1 writes nothing) and one summary line (Open MPI hands ranks a
        // pseudo-terminal, so .NET's terminal set-up sequence may precede it).
        Assert.Equal([first, second, single], Directory.GetDirectories(temp.Path).Order());
        Assert.Single(stdout.Split('\n'), l => l.Contains("batched: "));
    }

    [SkippableFact]
    public void A_run_resumed_under_mpirun_ends_where_an_uninterrupted_one_ends()
    {
        Skip.If(MpiJob.Mpirun is null, MpiJob.Missing);
        using var temp = new TempDirectory();
        string straight = temp.Combine("straight"), resumed = temp.Combine("resumed");
        MpiJob.RunTwoRanks(temp.Path, [.. Train, "--max-iterations", "6", "--out", straight]);
        MpiJob.RunTwoRanks(temp.Path, [.. Train, "--max-iterations", "3", "--out", resumed]);
        MpiJob.RunTwoRanks(temp.Path, "train", "--resume", resumed, "--max-iterations", "6", "--quiet");

        Assert.Equal(File.ReadAllBytes(Path.Combine(straight, "policy.safetensors")), File.ReadAllBytes(Path.Combine(resumed, "policy.safetensors")));
        Assert.Equal(Column(straight, "env_steps"), Column(resumed, "env_steps"));
    }

    [SkippableFact]
    public void SIGINT_to_one_rank_stops_every_rank_after_the_same_iteration_and_rank_0_saves_the_run_marked_interrupted()
    {
        Skip.If(MpiJob.Mpirun is null, MpiJob.Missing);
        Cli.SignalDelivery.SkipIfSigintIgnored();
        using var temp = new TempDirectory();
        string run = temp.Combine("run");
        // A learning rate too small to solve: still training when the signal lands.
        using var process = Process.Start(MpiJob.TwoRanks(temp.Path, "train", "--envs", "4096", "--lr", "0.00001", "--device", "cpu", "--max-iterations", "500", "--quiet", "--out", run))!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        string metrics = Path.Combine(run, "metrics.csv");
        var clock = Stopwatch.StartNew();
        while (!(File.Exists(metrics) && File.ReadAllLines(metrics).Length > 1) && clock.Elapsed < TimeSpan.FromSeconds(60))
            Thread.Sleep(100);
        // One rank alone gets the signal (mpirun, signalled itself, SIGKILLs its ranks a second later):
        // the agreement before each step must stop the other too.
        int rank1 = MpiJob.WaitForRank(process.Id, 1, TimeSpan.FromSeconds(10));
        using (var kill = Process.Start("kill", ["-INT", rank1.ToString()]))
            kill.WaitForExit();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the job did not stop within 60 s of SIGINT");
        }
        string output = stdout.Result;

        var summary = SummaryFile.Read(Path.Combine(run, "summary.json"));
        Assert.True(summary.Root.GetProperty("interrupted").GetBoolean());
        int iterations = (int)summary.Integer("iterations");
        Assert.Equal(iterations + 1, File.ReadAllLines(metrics).Length);
        Assert.Equal(iterations, TrainingCheckpoint.ToState(SafeTensorsFile.Read(Path.Combine(run, "checkpoint.safetensors"))).Iteration);
        Assert.Contains(output.Split('\n'), l => l.Contains("batched: not solved") && l.Contains("interrupted"));
        Assert.DoesNotContain("error on rank", stderr.Result);
    }

    [SkippableFact]
    public void Bad_usage_is_said_once_and_every_rank_exits_2_before_any_work()
    {
        Skip.If(MpiJob.Mpirun is null, MpiJob.Missing);
        using var temp = new TempDirectory();
        var (exit, _, stderr) = MpiJob.Run(temp.Path, "train", "--envs", "1", "--device", "cpu", "--out", temp.Combine("run"));
        Assert.Equal(2, exit);
        Assert.Single(stderr.Split('\n'), l => l.StartsWith("pgvec: "));
        Assert.Contains("pgvec: --envs 1 cannot be shared by 2 processes", stderr);
        Assert.False(Directory.Exists(temp.Combine("run")));
    }

    [SkippableFact]
    public void A_rank_that_dies_ends_the_training_within_seconds_naming_the_rank()
    {
        Skip.If(MpiJob.Mpirun is null, MpiJob.Missing);
        using var temp = new TempDirectory();
        // A learning rate too small to solve: both ranks are still training when rank 1 is killed.
        MpiJob.KillRankOneAndExpectTheJobToEnd(temp.Path, "train", "--envs", "4096", "--lr", "0.00001", "--device", "cpu", "--max-iterations", "500", "--out", temp.Combine("run"));
    }
}
