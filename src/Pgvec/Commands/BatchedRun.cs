using System.Diagnostics;
using PolicyGradient.Devices;
using PolicyGradient.Output;
using PolicyGradient.Training;

namespace Pgvec.Commands;

/// <summary>Batched training on the chosen accelerator, for train and compare.</summary>
public static class BatchedRun
{
    public static CompletedRun Run(BatchedSettings batched, TrainingOptions training, RunCheckpoints checkpoints, RunContext context)
    {
        var setup = Stopwatch.StartNew();
        using ComputeDevice device = DeviceChoice.Open(batched.Device, context.Stderr, batched.StrictDevice, context.Quiet);
        using var trainer = new BatchedTrainer(device, batched.Envs, training);
        double setupSeconds = setup.Elapsed.TotalSeconds;
        // The run can start: only now does its directory come to exist.
        string directory = context.Directory.Claim();
        RunConfig.Of(context.Verb, device.Kind.Name(), device.Name, context.ConfigOptions).Write(directory);

        BatchedTrainingState state = checkpoints.Start(training);
        using var recorder = new RunRecorder(directory, $"train, {batched.Envs} envs on {device.Kind.Name()}",
            "mean return of the iteration's episodes", checkpoints.ResumedAfter);
        var progress = context.Progress(training, perEpisode: false);
        TrainingOutcome outcome = progress.Track(report => trainer.Train(state, r =>
        {
            recorder.Record(r);
            report(r);
            checkpoints.Iteration(state);
        }, Interruption.Token));
        checkpoints.Finish(state);
        recorder.DrawLearningCurve(training.TargetReturn, "pgvec train");
        var identity = new RunCompletion.RunIdentity(RunSummary.BatchedMode, device.Kind.Name(), device.Name, batched.Envs);
        return new CompletedRun(RunCompletion.Finish(identity, training, outcome, setupSeconds, directory, context.Stdout), recorder.Curve);
    }
}
