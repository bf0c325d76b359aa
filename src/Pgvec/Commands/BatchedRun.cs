using System.Diagnostics;
using PolicyGradient.Devices;
using PolicyGradient.Distributed;
using PolicyGradient.Output;
using PolicyGradient.Training;

namespace Pgvec.Commands;

/// <summary>Batched training on the chosen accelerator, for train and compare; data-parallel `train` under MPI.</summary>
public static class BatchedRun
{
    /// <param name="processes">Data-parallel: this is rank 0, which shows progress and writes the run directory; null: alone.</param>
    public static CompletedRun Run(BatchedSettings batched, TrainingOptions training, RunCheckpoints checkpoints, RunContext context, IProcessGroup? processes = null)
    {
        var setup = Stopwatch.StartNew();
        using ComputeDevice device = DeviceChoice.Open(batched.Device, context.Stderr, batched.StrictDevice, context.Quiet, processes?.Placement);
        using var trainer = new BatchedTrainer(device, batched.Envs, training, processes);
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
        var identity = new RunCompletion.RunIdentity(RunSummary.BatchedMode, device.Kind.Name(), device.Name, batched.Envs, processes?.Size ?? 1);
        return new CompletedRun(RunCompletion.Finish(identity, training, outcome, setupSeconds, directory, context.Stdout), recorder.Curve);
    }

    /// <summary>A data-parallel rank other than 0: trains its share in step with the others and writes nothing.</summary>
    public static void RunWorker(BatchedSettings batched, TrainingOptions training, RunCheckpoints checkpoints, TextWriter stderr, IProcessGroup processes)
    {
        using ComputeDevice device = DeviceChoice.Open(batched.Device, stderr, batched.StrictDevice, quiet: true, processes.Placement);
        using var trainer = new BatchedTrainer(device, batched.Envs, training, processes);
        trainer.Train(checkpoints.Start(training), stop: Interruption.Token);
    }
}
