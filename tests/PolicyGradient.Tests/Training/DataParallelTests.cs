using PolicyGradient.Batched;
using PolicyGradient.Devices;
using PolicyGradient.Environment;
using PolicyGradient.Kernels;
using PolicyGradient.Policy;
using PolicyGradient.Tests.Distributed;
using PolicyGradient.Tests.Kernels;
using PolicyGradient.Training;

namespace PolicyGradient.Tests.Training;

/// <summary>Data-parallel training: shares of an agent's envs, combined across processes (here threads standing in for MPI ranks).</summary>
[Collection(CpuDeviceCollection.Name)]
public class DataParallelTests(CpuDeviceFixture fixture)
{
    private static readonly TrainingOptions Options = new() { Seed = 5, LearningRate = 0.1, MaxUpdates = 6, TargetReturn = 475 };

    [Fact]
    public void Shares_of_the_envs_play_exactly_the_episodes_of_the_whole_batch()
    {
        var policy = PolicyParameters.Initialise(CartPoleShapes.Layout(32), 3);
        using var whole = new EpisodeBatch(fixture.Device, CartPoleShapes.Device, 1, 16, 32, 500);
        whole.Rollout(policy, 9, 2, 0.99f);
        RecordedRollout all = whole.ReadLastRollout();
        foreach (var (first, count) in new[] { (0, 8), (8, 5), (13, 3) })
        {
            using var share = new EpisodeBatch(fixture.Device, CartPoleShapes.Device, 1, count, 32, 500, first);
            share.Rollout(policy, 9, 2, 0.99f);
            RecordedRollout part = share.ReadLastRollout();
            for (int env = 0; env < count; env++)
            {
                for (int column = 0; column < EpisodeStatistics.Width; column++)
                    Assert.Equal(all.Statistic(first + env, column), part.Statistic(env, column));
                Assert.Equal(all.Observation(first + env, 0), part.Observation(env, 0));
            }
        }
    }

    [Fact]
    public void Batch_settings_share_every_env_once_in_consecutive_ranges()
    {
        var settings = BatchSettings.From(10, Options);
        var shares = Enumerable.Range(0, 3).Select(r => settings.Share(r, 3)).ToArray();
        Assert.Equal([0, 3, 6], shares.Select(s => s.FirstEnv));
        Assert.Equal([3, 3, 4], shares.Select(s => s.EnvsPerAgent));
        Assert.Throws<ArgumentException>(() => BatchSettings.From(2, Options).Share(0, 3));
    }

    /// <summary>Trains on <paramref name="ranks"/> threads, each with its own CPU accelerator (one core) and share of 32 envs.</summary>
    private static (TrainingOutcome Outcome, Exception? Error)[] TrainOnThreads(int ranks, Func<int, BatchedTrainingState?> start)
    {
        var groups = ThreadProcessGroup.Of(ranks);
        var results = new (TrainingOutcome, Exception?)[ranks];
        var threads = Enumerable.Range(0, ranks).Select(r => new Thread(() =>
        {
            try
            {
                using var device = ComputeDevice.OpenCpu(ComputeDevice.CpuDevice(1));
                using var trainer = new BatchedTrainer(device, 32, Options, groups[r], start(r));
                results[r] = (trainer.Train(), null);
            }
            catch (Exception e)
            {
                results[r] = (null!, e);
                groups[r].Abort(1);
            }
        })).ToArray();
        foreach (var t in threads)
            t.Start();
        foreach (var t in threads)
            Assert.True(t.Join(TimeSpan.FromSeconds(120)), "a rank did not finish within 120 s");
        return results;
    }

    [Fact]
    public void Two_ranks_hold_the_same_parameters_and_play_the_episodes_of_one_process()
    {
        var ranks = TrainOnThreads(2, _ => null);
        Assert.All(ranks, r => Assert.Null(r.Error));
        Assert.Equal(ranks[0].Outcome.Policy.Values, ranks[1].Outcome.Policy.Values);

        using var trainer = new BatchedTrainer(fixture.Device, 32, Options);
        TrainingOutcome alone = trainer.Train();
        // The same envs' streams: the same episodes, as long as the parameters stay this close.
        Assert.Equal(alone.EnvSteps, ranks[0].Outcome.EnvSteps);
        Assert.Equal(alone.Episodes, ranks[0].Outcome.Episodes);
        // Only the order of the sums differs (each share's rows, then the two shares).
        for (int i = 0; i < alone.Policy.Values.Length; i++)
            Assert.Equal(alone.Policy.Values[i], ranks[0].Outcome.Policy.Values[i], 1e-6);
    }

    [Fact]
    public void A_rank_whose_parameters_differ_stops_the_run_naming_it()
    {
        var ranks = TrainOnThreads(2, rank =>
        {
            var state = BatchedTrainingState.Start(Options);
            if (rank == 1)
                state.Policy.Values[0] = Math.BitIncrement(state.Policy.Values[0]);
            return state;
        });
        // Rank 0 alone judges, so the run stops with one line; under MPI its abort ends rank 1.
        Assert.Contains("the parameters of rank 1 differ from rank 0's after iteration 0", Assert.IsType<InvalidOperationException>(ranks[0].Error).Message);
        Assert.Null(ranks[1].Error);
    }
}
