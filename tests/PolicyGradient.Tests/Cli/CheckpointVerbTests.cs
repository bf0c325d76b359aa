using PolicyGradient.Output;
using PolicyGradient.Checkpoints;
using PolicyGradient.Kernels;
using PolicyGradient.Policy;
using PolicyGradient.Tests.Checkpoints;
using PolicyGradient.Tests.Kernels;
using PolicyGradient.Training;
using Pgvec.Commands;

namespace PolicyGradient.Tests.Cli;

[Collection(CpuDeviceCollection.Name)]
public class CheckpointVerbTests(CpuDeviceFixture fixture)
{
    /// <summary>Everything that decides where training goes next: the policy and Adam's state, byte for byte, and the counters.</summary>
    private static void AssertSameTrainingState(RawSafeTensors expected, RawSafeTensors actual)
    {
        foreach (string name in expected.Entries.Keys.Where(n => n.StartsWith("fc") || n.StartsWith("optimizer.")))
            Assert.True(expected.Data(name).SequenceEqual(actual.Data(name)), $"{name} differs");
        foreach (string name in new[] { "optimizer.step", "progress.iteration", "progress.episodes", "progress.env_steps" })
            Assert.Equal(expected.Int64(name), actual.Int64(name));
        Assert.Equal(expected.Doubles("progress.last_mean_return"), actual.Doubles("progress.last_mean_return"));
    }

    [Fact]
    public void Train_leaves_a_policy_file_and_a_checkpoint_with_its_options_in_the_metadata()
    {
        using var temp = new TempDirectory();
        var run = CliRun.Of(TrainedRun.Arguments(2, "--out", temp.Path, "--lr", "0.02"));

        Assert.Equal(0, run.Exit);
        var policy = RawSafeTensors.Of(temp.Combine("policy.safetensors"));
        policy.AssertWellFormed();
        Assert.Equal(["fc1.bias", "fc1.weight", "fc2.bias", "fc2.weight"], policy.Entries.Keys.Order());
        policy.AssertEntry("fc1.weight", "F32", [8, 4], 32, 160);
        var checkpoint = RawSafeTensors.Of(temp.Combine("checkpoint.safetensors"));
        checkpoint.AssertWellFormed();
        Assert.Equal(2, checkpoint.Int64("progress.iteration"));
        Assert.Equal(2 * 8, checkpoint.Int64("progress.episodes"));
        Assert.Equal(policy.Floats("fc2.weight"), checkpoint.Doubles("fc2.weight").Select(v => (float)v));
        foreach (var (key, value) in new[] { ("format", "pt"), ("envs", "8"), ("device", "cpu"), ("seed", "3"), ("hidden", "8"), ("lr", "0.02"), ("max-iterations", "2"), ("objective", "reinforce") })
        {
            Assert.Equal(value, checkpoint.Metadata[key]);
            Assert.Equal(value, policy.Metadata[key]);
        }
        Assert.DoesNotContain("out", checkpoint.Metadata.Keys);
    }

    [Fact]
    public void A_run_stopped_by_its_budget_and_resumed_to_a_larger_one_ends_exactly_where_an_uninterrupted_run_ends()
    {
        using var temp = new TempDirectory();
        string interrupted = temp.Combine("interrupted"), straight = temp.Combine("straight");
        Assert.Equal(0, CliRun.Of(TrainedRun.Arguments(2, "--out", interrupted)).Exit);

        var resumed = CliRun.Of("train", "--resume", interrupted, "--max-iterations", "5");
        var uninterrupted = CliRun.Of(TrainedRun.Arguments(5, "--out", straight));

        Assert.Equal(0, resumed.Exit);
        Assert.StartsWith($"pgvec: resuming {interrupted} after 2 iterations ", resumed.StderrLines[0]);
        Assert.Equal(["iteration     3", "iteration     4", "iteration     5"], resumed.StdoutLines.Where(l => l.StartsWith("iteration")).Select(l => l[..15]));
        AssertSameTrainingState(RawSafeTensors.Of(Path.Combine(straight, "checkpoint.safetensors")), RawSafeTensors.Of(Path.Combine(interrupted, "checkpoint.safetensors")));
        // Same weights and, with the same final budget, the same options: the same file.
        Assert.Equal(File.ReadAllBytes(Path.Combine(straight, "policy.safetensors")), File.ReadAllBytes(Path.Combine(interrupted, "policy.safetensors")));
        var summary = SummaryFile.Read(Path.Combine(interrupted, "summary.json"));
        summary.AssertConsistent();
        Assert.Equal(5, summary.Integer("iterations"));
        Assert.Equal(SummaryFile.Read(Path.Combine(straight, "summary.json")).Number("greedy_eval_mean_return"), summary.Number("greedy_eval_mean_return"));
        Assert.Equal("5", RawSafeTensors.Of(Path.Combine(interrupted, "checkpoint.safetensors")).Metadata["max-iterations"]);
        // metrics.csv goes on where it stopped: the same rows as the uninterrupted run's, timings aside.
        string[][] Rows(string dir) => File.ReadLines(Path.Combine(dir, "metrics.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        string[][] expectedRows = Rows(straight), actualRows = Rows(interrupted);
        Assert.Equal(["1", "2", "3", "4", "5"], actualRows.Select(r => r[0]));
        int seconds = Array.IndexOf(MetricsCsv.Columns, "wall_seconds"), rate = Array.IndexOf(MetricsCsv.Columns, "env_steps_per_second");
        string[] Untimed(string[] row) => [.. row.Where((_, i) => i != seconds && i != rate)];
        Assert.Equal(expectedRows.Select(Untimed), actualRows.Select(Untimed));
        Assert.Equal(2, Directory.GetFiles(interrupted, "events.out.tfevents.*").Length);
    }

    [Fact]
    public void Checkpoints_are_written_every_N_iterations_and_at_the_end()
    {
        using var temp = new TempDirectory();
        var options = new TrainingOptions { Hidden = 4 };
        var directory = RunDirectory.ForNewRun("train", temp.Path, overwrite: false);
        directory.Claim();
        var checkpoints = new RunCheckpoints(directory, new Dictionary<string, string>(), every: 2);
        BatchedTrainingState state = checkpoints.Start(options);
        string path = temp.Combine(RunCheckpoints.CheckpointFile);
        long SavedIteration() => RawSafeTensors.Of(path).Int64("progress.iteration");

        state.Iteration = 1;
        checkpoints.Iteration(state);
        Assert.False(File.Exists(path));
        state.Iteration = 2;
        checkpoints.Iteration(state);
        Assert.Equal(2, SavedIteration());
        state.Iteration = 3;
        checkpoints.Iteration(state);
        Assert.Equal(2, SavedIteration());
        checkpoints.Finish(state);
        Assert.Equal(3, SavedIteration());
        Assert.True(File.Exists(temp.Combine(RunCheckpoints.PolicyFile)));
        Assert.Equal([RunDirectory.ClaimFile, RunCheckpoints.CheckpointFile, RunCheckpoints.PolicyFile],
            Directory.GetFiles(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Init_from_starts_from_the_files_weights_with_its_hidden_size()
    {
        using var temp = new TempDirectory();
        string start = temp.Combine("start.safetensors");
        var initial = PolicyParameters.Initialise(CartPoleShapes.Layout(6), 99);
        PolicyTensors.PolicyFile(initial, new Dictionary<string, string>()).Write(start);

        var run = CliRun.Of("train", "--envs", "8", "--device", "cpu", "--seed", "3", "--max-iterations", "1", "--init-from", start, "--out", temp.Combine("run"));

        Assert.Equal(0, run.Exit);
        Assert.Equal($"pgvec: starting from the 4-6-2 policy in {start}", run.StderrLines[0]);
        var options = new TrainingOptions { Seed = 3, Hidden = 6, MaxUpdates = 1, LearningRate = TrainingOptions.BatchedLearningRate };
        BatchedTrainingState expected = BatchedTrainingState.Start(options, PolicyTensors.Read(start));
        using (var trainer = new BatchedTrainer(fixture.Device, 8, options, start: expected))
            trainer.Train();
        var checkpoint = RawSafeTensors.Of(temp.Combine("run", "checkpoint.safetensors"));
        Assert.Equal(expected.Policy.Values[..24], checkpoint.Doubles("fc1.weight"));
        Assert.Equal(expected.Policy.Values[^2..], checkpoint.Doubles("fc2.bias"));
        Assert.Equal("6", checkpoint.Metadata["hidden"]);
        Assert.Equal(start, checkpoint.Metadata["init_from"]);
    }

    public static TheoryData<string[], string[]> BadResumes(string run, string policyOnly) => new()
    {
        { ["train", "--resume", run, "--seed", "4"], ["--seed 4 conflicts with the run in", "which has --seed 3", "only --device, --max-iterations, --max-seconds, --max-env-steps, --checkpoint-every, --eval-every, --env-assembly may change"] },
        { ["train", "--resume", run, "--hidden", "16"], ["--hidden 16 conflicts", "which has --hidden 8"] },
        { ["train", "--resume", run, "--envs", "9"], ["--envs 9 conflicts", "which has --envs 8"] },
        { ["train", "--resume", run, "--out", run], ["--out cannot be given with --resume"] },
        { ["train", "--resume", run, "--init-from", run], ["--init-from cannot be given with --resume"] },
        { ["train", "--resume", Path.Combine(run, "missing")], [$"--resume {Path.Combine(run, "missing")}: no such directory"] },
        { ["train", "--resume", Path.GetDirectoryName(run)!], ["there is no checkpoint.safetensors in it"] },
        { ["train", "--resume", Path.Combine(run, "config.json")], ["config.json is a file: must be a run directory"] },
        { ["train", "--resume", policyOnly], ["has no optimizer.step: a policy, not a checkpoint"] },
        { ["train", "--init-from", Path.Combine(run, "policy.safetensors"), "--hidden", "16"], ["--hidden 16 does not match --init-from", "whose policy has 8 hidden units"] },
        { ["train", "--init-from", Path.Combine(run, "none.safetensors")], ["--init-from", "no such file"] },
        { ["train", "--checkpoint-every", "0"], ["--checkpoint-every 0 is out of range", "an integer from 1 to"] },
    };

    [Fact]
    public void Bad_resume_and_init_from_arguments_exit_2_with_one_line_and_leave_the_run_untouched()
    {
        using var temp = new TempDirectory();
        string run = temp.Combine("run");
        Assert.Equal(0, CliRun.Of(TrainedRun.Arguments(1, "--out", run)).Exit);
        string policyOnly = temp.Combine("policy-only");
        Directory.CreateDirectory(policyOnly);
        File.Copy(Path.Combine(run, "policy.safetensors"), Path.Combine(policyOnly, "checkpoint.safetensors"));
        string[] files = Directory.GetFiles(run);
        var before = files.ToDictionary(f => f, File.ReadAllBytes);

        foreach (var row in BadResumes(run, policyOnly))
            CliRun.Of((string[])row[0]).AssertUsageError((string[])row[1]);

        Assert.Equal(files, Directory.GetFiles(run));
        Assert.All(files, f => Assert.Equal(before[f], File.ReadAllBytes(f)));
    }

    [Fact]
    public void Resuming_a_run_that_has_ended_says_there_is_nothing_to_do_and_writes_nothing()
    {
        using var temp = new TempDirectory();
        string run = temp.Combine("run");
        Assert.Equal(0, CliRun.Of(TrainedRun.Arguments(1, "--out", run)).Exit);
        var before = Directory.GetFiles(run).ToDictionary(f => f, File.ReadAllBytes);

        var resumed = CliRun.Of("train", "--resume", run);

        Assert.Equal(0, resumed.Exit);
        Assert.Equal("", resumed.Stdout);
        Assert.Equal($"pgvec: the run in {run} has used its --max-iterations 1 (1 iteration done; give a larger --max-iterations to go on): nothing to do",
            Assert.Single(resumed.StderrLines));
        Assert.Equal(before.Keys.Order(), Directory.GetFiles(run).Order());
        Assert.All(before, f => Assert.Equal(f.Value, File.ReadAllBytes(f.Key)));
    }

    [Fact]
    public void Resume_accepts_the_stored_value_of_a_fixed_option_given_again()
    {
        using var temp = new TempDirectory();
        string run = temp.Combine("run");
        Assert.Equal(0, CliRun.Of(TrainedRun.Arguments(1, "--out", run, "--lr", "0.01")).Exit);

        var resumed = CliRun.Of("train", "--resume", run, "--seed", "3", "--lr", "1e-2", "--max-iterations", "2");

        Assert.Equal(0, resumed.Exit);
        Assert.Equal(2, RawSafeTensors.Of(Path.Combine(run, "checkpoint.safetensors")).Int64("progress.iteration"));
    }

    [Fact]
    public void A_hidden_size_outside_the_options_range_in_an_init_from_file_is_refused()
    {
        using var temp = new TempDirectory();
        string big = temp.Combine("big.safetensors");
        PolicyTensors.PolicyFile(new PolicyParameters(CartPoleShapes.Layout(1025), new double[CartPoleShapes.Layout(1025).Count]), new Dictionary<string, string>()).Write(big);

        CliRun.Of("train", "--init-from", big).AssertUsageError("has a 4-1025-2 policy", "an integer from 1 to 1024");
    }

    [Fact]
    public void Baseline_and_compare_keep_their_policies_and_compares_batched_half_resumes_as_train()
    {
        using var temp = new TempDirectory();
        var run = CliRun.Of("compare", "--envs", "8", "--device", "cpu", "--hidden", "4", "--max-iterations", "1", "--max-episodes", "3", "--out", temp.Path);

        Assert.Equal(0, run.Exit);
        Assert.True(File.Exists(temp.Combine("baseline", "policy.safetensors")));
        Assert.False(File.Exists(temp.Combine("baseline", "checkpoint.safetensors")), "the single-env baseline has no resumable state");
        Assert.Equal(4, PolicyTensors.Read(temp.Combine("baseline", "policy.safetensors")).Hidden);
        var resumed = CliRun.Of("train", "--resume", temp.Combine("batched"), "--max-iterations", "2");
        Assert.Equal(0, resumed.Exit);
        Assert.Equal(2, RawSafeTensors.Of(temp.Combine("batched", "checkpoint.safetensors")).Int64("progress.iteration"));
    }
}
