using PolicyGradient.Checkpoints;
using PolicyGradient.Tests.Kernels;
using PolicyGradient.Training;

namespace PolicyGradient.Tests.Checkpoints;

[Collection(CpuDeviceCollection.Name)]
public class TrainingCheckpointTests(CpuDeviceFixture fixture)
{
    private static readonly TrainingOptions Options = new() { Seed = 11, Hidden = 8, MaxUpdates = 6 };
    private static readonly Dictionary<string, string> Metadata = new() { ["seed"] = "11" };

    private static BatchedTrainingState ThroughFile(BatchedTrainingState state) =>
        TrainingCheckpoint.ToState(SafeTensorsFile.Parse(TrainingCheckpoint.ToFile(state, Metadata).ToBytes()));

    private static void AssertSameTraining(BatchedTrainingState expected, BatchedTrainingState actual)
    {
        Assert.Equal(expected.Policy.Values, actual.Policy.Values);
        Assert.Equal(expected.Optimizer.FirstMoment, actual.Optimizer.FirstMoment);
        Assert.Equal(expected.Optimizer.SecondMoment, actual.Optimizer.SecondMoment);
        Assert.Equal(expected.Optimizer.Steps, actual.Optimizer.Steps);
        Assert.Equal((expected.Iteration, expected.Episodes, expected.EnvSteps, expected.LastMeanReturn),
            (actual.Iteration, actual.Episodes, actual.EnvSteps, actual.LastMeanReturn));
    }

    [Fact]
    public void A_run_stopped_saved_and_resumed_ends_bit_for_bit_where_an_uninterrupted_run_ends()
    {
        var uninterrupted = BatchedTrainingState.Start(Options);
        using (var trainer = new BatchedTrainer(fixture.Device, 16, Options, start: uninterrupted))
            trainer.Train();

        var first = BatchedTrainingState.Start(Options);
        using (var stopping = new BatchedTrainer(fixture.Device, 16, Options with { MaxUpdates = 3 }, start: first))
            stopping.Train();
        BatchedTrainingState resumed = ThroughFile(first);
        Assert.Equal(3, resumed.Iteration);
        Assert.Equal(Options.LearningRate, resumed.Optimizer.LearningRate);
        using (var resuming = new BatchedTrainer(fixture.Device, 16, Options, start: resumed))
            resuming.Train();

        Assert.Equal(6, uninterrupted.Iteration);
        AssertSameTraining(uninterrupted, resumed);
    }

    [Fact]
    public void Checkpoint_round_trips_every_field_of_the_training_state()
    {
        var state = BatchedTrainingState.Start(Options);
        using (var trainer = new BatchedTrainer(fixture.Device, 4, Options with { MaxUpdates = 2 }, start: state))
            trainer.Train();
        state.TrainingSeconds = 1.0 / 3.0;

        BatchedTrainingState unsolved = ThroughFile(state);
        state.SecondsToSolve = Math.E;
        BatchedTrainingState solved = ThroughFile(state);

        AssertSameTraining(state, solved);
        Assert.Equal(state.TrainingSeconds, solved.TrainingSeconds);
        Assert.Equal(Math.E, solved.SecondsToSolve);
        Assert.Null(unsolved.SecondsToSolve);
        Assert.Equal(2, solved.Optimizer.Steps);
    }

    [Fact]
    public void Checkpoint_file_names_Adams_state_as_torch_does_and_keeps_the_policy_in_float64()
    {
        var state = BatchedTrainingState.Start(Options);
        state.Optimizer.Step(state.Policy.Values, Enumerable.Range(0, state.Policy.Values.Length).Select(k => k * 0.01 - 0.3).ToArray());
        state.Iteration = 1;

        var raw = new RawSafeTensors(TrainingCheckpoint.ToFile(state, Metadata).ToBytes());

        raw.AssertWellFormed();
        Assert.Equal(state.Policy.Values[..32], raw.Doubles("fc1.weight"));
        Assert.Equal(state.Optimizer.FirstMoment[^2..], raw.Doubles("optimizer.exp_avg.fc2.bias"));
        Assert.Equal(state.Optimizer.SecondMoment[32..40], raw.Doubles("optimizer.exp_avg_sq.fc1.bias"));
        raw.AssertEntry("optimizer.exp_avg.fc2.weight", "F64", [2, 8], raw.Entries["optimizer.exp_avg.fc2.weight"].Begin, raw.Entries["optimizer.exp_avg.fc2.weight"].Begin + 128);
        Assert.Equal(1, raw.Int64("optimizer.step"));
        Assert.Equal(1, raw.Int64("progress.iteration"));
        Assert.DoesNotContain("progress.seconds_to_solve", raw.Names);
        Assert.Equal("11", raw.Metadata["seed"]);
    }

    [Fact]
    public void A_checkpoint_restores_Adams_step_size_itself_and_one_written_before_it_was_kept_takes_the_metadatas_lr()
    {
        var state = BatchedTrainingState.Start(Options with { LearningRate = 0.037 });
        SafeTensorsFile file = TrainingCheckpoint.ToFile(state, Metadata);
        Assert.Equal(0.037, TrainingCheckpoint.ToState(SafeTensorsFile.Parse(file.ToBytes())).Optimizer.LearningRate);

        SafeTensor[] older = [.. file.Tensors.Values.Where(t => t.Name != TrainingCheckpoint.LearningRate)];
        var withLr = new SafeTensorsFile(older, new Dictionary<string, string>(Metadata) { ["lr"] = "0.02" });
        Assert.Equal(0.02, TrainingCheckpoint.ToState(SafeTensorsFile.Parse(withLr.ToBytes())).Optimizer.LearningRate);

        var without = new SafeTensorsFile(older, Metadata);
        var e = Assert.Throws<InvalidDataException>(() => TrainingCheckpoint.ToState(SafeTensorsFile.Parse(without.ToBytes())));
        Assert.Contains("optimizer.lr", e.Message);
    }
}
