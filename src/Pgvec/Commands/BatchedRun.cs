using System.Diagnostics;
using PolicyGradient.Reporting.Plots;
using PolicyGradient.Devices;
using PolicyGradient.Distributed;
using PolicyGradient.Output;
using PolicyGradient.Training;

namespace Pgvec.Commands;

/// <summary>Batched training on the chosen accelerator, for train and compare; data-parallel `train` under MPI.</summary>
internal static class BatchedRun
{
    /// <param name="processes">Data-parallel: this is rank 0, which shows progress and writes the run directory; null: alone.</param>
    public static CompletedRun Run(BatchedSettings batched, TrainingOptions training, RunCheckpoints checkpoints, RunContext context, IProcessGroup? processes = null)
    {
        Interruption.ThrowIfRequested();
        var setup = Stopwatch.StartNew();
        using ComputeDevice device = DeviceChoice.Open(batched.Device, context.Stderr, batched.StrictDevice, context.Quiet, processes?.Placement);
        BatchedTrainingState state = checkpoints.Start(training);
        using var trainer = new BatchedTrainer(device, batched.Envs, training, processes, state);
        double setupSeconds = setup.Elapsed.TotalSeconds;
        // An interrupt during set-up ends the run before it writes anything.
        Interruption.ThrowIfRequested();
        // The run can start: only now does its directory come to exist.
        string directory = context.Directory.Claim();
        RunConfig config = RunConfig.Of(context.Verb, device.Kind.Name(), device.Name, context.ConfigOptions);
        (checkpoints.ResumedAfter is null ? config : config.Resumed(directory)).Write(directory);

        var identity = new RunCompletion.RunIdentity(RunSummary.BatchedMode, device.Kind.Name(), device.Name, batched.Envs, processes?.Size ?? 1);
        using var recorder = new RunRecorder(directory, $"train, {batched.Envs} envs on {device.Kind.Name()}",
            LearningCurve.IterationMeanReturn, checkpoints.ResumedAfter);
        var evaluation = new PeriodicEvaluation(batched.EvalEvery, training.Environment, training.Seed, directory, checkpoints.Metadata);
        var progress = context.Progress(training, perEpisode: false);
        // Until the outcome is settled (the end of this method), a second interrupt leaves a summary saying so.
        using var quit = Interruption.OnQuit(() => RunCompletion.Failed(identity, training, SoFar(state), setupSeconds, directory,
            $"quit by a second interrupt after iteration {state.Iteration}", interrupted: true));
        TrainingOutcome outcome;
        try
        {
            outcome = progress.Track(report => trainer.Train(r =>
            {
                recorder.Record(r, evaluation.After(state));
                report(r);
                checkpoints.Iteration(state);
            }, Interruption.Token));
        }
        catch (TrainingDivergedException e)
        {
            // The last checkpoint written stays as it was: the state now holds the diverged step.
            RunCompletion.Failed(identity, training, SoFar(state), setupSeconds, directory, e.Message, interrupted: false);
            throw;
        }
        checkpoints.Finish(state);
        LearningCurvePlot.SaveRun(directory, recorder.Curve, training.TargetReturn, "pgvec train");
        return new CompletedRun(RunCompletion.Finish(identity, training, outcome, setupSeconds, directory, context.Stdout), recorder.Curve);
    }

    /// <summary>The work of the iterations completed, for the summary of a run that failed.</summary>
    private static RunCompletion.WorkDone SoFar(BatchedTrainingState state) =>
        new(state.Iteration, state.Episodes, state.EnvSteps, state.TrainingSeconds, state.LastMeanReturn);

    /// <summary>A data-parallel rank other than 0: trains its share in step with the others and writes nothing.</summary>
    public static void RunWorker(BatchedSettings batched, TrainingOptions training, RunCheckpoints checkpoints, TextWriter stderr, IProcessGroup processes)
    {
        using ComputeDevice device = DeviceChoice.Open(batched.Device, stderr, batched.StrictDevice, quiet: true, processes.Placement);
        using var trainer = new BatchedTrainer(device, batched.Envs, training, processes, checkpoints.Start(training));
        trainer.Train(stop: Interruption.Token);
    }
}
