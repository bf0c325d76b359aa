using PolicyGradient.Tests.Kernels;
using PolicyGradient.Training;

namespace PolicyGradient.Tests.Training;

/// <summary>
/// The policy a run reports as solving (and saves, and evaluates) is the one whose episodes met
/// the target: the same bits as a run stopped just before the solving update.
/// </summary>
[Collection(CpuDeviceCollection.Name)]
public class SolvedPolicyTests(CpuDeviceFixture fixture)
{
    [Fact]
    public void Batched_run_that_solves_keeps_the_policy_that_played_the_solving_iteration()
    {
        var options = new TrainingOptions { Seed = 0, LearningRate = TrainingOptions.BatchedLearningRate, MaxUpdates = 200 };
        using var solving = new BatchedTrainer(fixture.Device, 64, options);
        TrainingOutcome solved = solving.Train();
        Assert.True(solved.Solved);

        using var stopped = new BatchedTrainer(fixture.Device, 64, options with { MaxUpdates = solved.Updates - 1 });
        TrainingOutcome before = stopped.Train();

        Assert.Equal(solved.Updates - 1, before.Updates);
        Assert.Equal(before.Policy.Values, solved.Policy.Values);
    }

    [Fact]
    public void Baseline_run_that_solves_keeps_the_policy_that_played_the_solving_episode()
    {
        var options = new TrainingOptions { Seed = 0, MaxUpdates = 5000 };
        TrainingOutcome solved = new SingleEnvTrainer(options).Train();
        Assert.True(solved.Solved);

        TrainingOutcome before = new SingleEnvTrainer(options with { MaxUpdates = solved.Updates - 1 }).Train();

        Assert.Equal(solved.Updates - 1, before.Updates);
        Assert.Equal(before.Policy.Values, solved.Policy.Values);
    }
}
