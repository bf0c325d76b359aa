using Pgvec.CommandLine;
using Pgvec.Options;
using PolicyGradient.Reporting.Plots;
using PolicyGradient.Output;
using PolicyGradient.Training;

namespace Pgvec.Commands;

/// <summary>`pgvec baseline`: the tutorial's one-environment algorithm on one host thread.</summary>
internal static class BaselineRun
{
    public const string Device = "host";
    public const string DeviceName = "host CPU, one thread";

    public static int Execute(BaselineOptions options, TextWriter stdout, TextWriter stderr)
    {
        var context = RunContext.Of(options, RunDirectory.ForNewRun(options.VerbName, options.Out, options.Overwrite), stdout, stderr);
        CompletedRun run = Run(options.Training(options.MaxEpisodes), new RunCheckpoints(context.Directory, CheckpointMetadata.Of(VerbSpec.Named("baseline")!, options)), context);
        return TrainingExit.Of(run.Summary.Interrupted);
    }

    public static CompletedRun Run(TrainingOptions training, RunCheckpoints checkpoints, RunContext context)
    {
        Interruption.ThrowIfRequested();
        if (!context.Quiet)
            context.Stderr.WriteLine($"pgvec: device {Device} ({DeviceName})");
        string directory = context.Directory.Claim();
        RunConfig.Of(context.Verb, Device, DeviceName, context.ConfigOptions).Write(directory);
        var identity = new RunCompletion.RunIdentity(RunSummary.SingleEnvMode, Device, DeviceName, Envs: 1);
        using var recorder = new RunRecorder(directory, "baseline, 1 env on the host", $"mean return of the last {SingleEnvTrainer.SolvedWindow} episodes");
        var progress = context.Progress(training, perEpisode: true);
        // One episode per update: the last report holds the work done, for the summary of a run that fails.
        var done = new RunCompletion.WorkDone(0, 0, 0, 0.0, 0.0);
        // Until the outcome is settled (the end of this method), a second interrupt leaves a summary saying so.
        using var quit = Interruption.OnQuit(() => RunCompletion.Failed(identity, training, done, 0.0, directory,
            $"quit by a second interrupt after episode {done.Updates}", interrupted: true));
        TrainingOutcome outcome;
        try
        {
            outcome = progress.Track(report => new SingleEnvTrainer(training).Train(r =>
            {
                recorder.Record(r);
                report(r);
                done = new RunCompletion.WorkDone(r.Update, r.Update, r.TotalEnvSteps, r.ElapsedSeconds, r.RunningMeanReturn);
            }, Interruption.Token));
        }
        catch (TrainingDivergedException e)
        {
            RunCompletion.Failed(identity, training, done, 0.0, directory, e.Message, interrupted: false);
            throw;
        }
        LearningCurvePlot.SaveRun(directory, recorder.Curve, training.TargetReturn, "pgvec baseline");
        checkpoints.FinishPolicy(outcome.Policy);
        // No device, context or kernels to prepare.
        return new CompletedRun(RunCompletion.Finish(identity, training, outcome, setupSeconds: 0.0, directory, context.Stdout), recorder.Curve);
    }
}
