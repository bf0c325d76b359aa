using PolicyGradient.Output;
using Pgvec.Progress;
using PolicyGradient.Training;

namespace Pgvec.Commands;

/// <summary>`pgvec baseline`: the tutorial's one-environment algorithm on one host thread.</summary>
public static class BaselineRun
{
    public const string Device = "host";
    public const string DeviceName = "host CPU, one thread";

    public static CompletedRun Run(TrainingOptions training, string directory, RunOptions run, TextWriter stdout, TextWriter stderr,
        RunCheckpoints checkpoints)
    {
        stderr.WriteLine($"pgvec: device {Device} ({DeviceName})");
        RunConfig.Of(run.Verb, Device, DeviceName, run.Options).Write(directory);
        using var recorder = new RunRecorder(directory, "baseline, 1 env on the host");
        var progress = run.Progress(stdout, training, perEpisode: true);
        TrainingOutcome outcome = progress.Track(report => new SingleEnvTrainer(training).Train(r =>
        {
            recorder.Record(r);
            report(r);
        }, Interruption.Token));
        recorder.DrawLearningCurve(training.TargetReturn, "pgvec baseline");
        checkpoints.FinishPolicy(outcome.Policy);
        var identity = new RunCompletion.RunIdentity(RunSummary.SingleEnvMode, Device, DeviceName, Envs: 1);
        // No device, context or kernels to prepare.
        return new CompletedRun(RunCompletion.Finish(identity, training, outcome, setupSeconds: 0.0, directory, stdout), recorder.Curve);
    }
}
