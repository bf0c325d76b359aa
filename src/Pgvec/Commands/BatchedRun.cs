using System.Diagnostics;
using PolicyGradient.Devices;
using PolicyGradient.Output;
using Pgvec.Progress;
using PolicyGradient.Training;

namespace Pgvec.Commands;

/// <summary>`pgvec train`: batched training on the chosen accelerator.</summary>
public static class BatchedRun
{
    public static CompletedRun Run(DeviceKind requested, bool strictDevice, int envs, TrainingOptions training, string directory,
        RunOptions run, TextWriter stdout, TextWriter stderr, RunCheckpoints checkpoints)
    {
        var setup = Stopwatch.StartNew();
        using ComputeDevice device = DeviceChoice.Open(requested, stderr, strictDevice);
        using var trainer = new BatchedTrainer(device, envs, training);
        double setupSeconds = setup.Elapsed.TotalSeconds;
        RunConfig.Of(run.Verb, device.Kind.Name(), device.Name, run.Options).Write(directory);

        BatchedTrainingState state = checkpoints.Start(training);
        using var recorder = new RunRecorder(directory, $"train, {envs} envs on {device.Kind.Name()}", checkpoints.ResumedAfter);
        var progress = run.Progress(stdout, training, perEpisode: false);
        TrainingOutcome outcome = progress.Track(report => trainer.Train(state, r =>
        {
            recorder.Record(r);
            report(r);
            checkpoints.Iteration(state);
        }, Interruption.Token));
        checkpoints.Finish(state);
        recorder.DrawLearningCurve(training.TargetReturn, "pgvec train");
        var identity = new RunCompletion.RunIdentity(RunSummary.BatchedMode, device.Kind.Name(), device.Name, envs);
        return new CompletedRun(RunCompletion.Finish(identity, training, outcome, setupSeconds, directory, stdout), recorder.Curve);
    }
}
