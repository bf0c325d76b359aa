using PolicyGradient.Output;
using PolicyGradient.Training;

namespace Pgvec.Commands;

/// <summary>`pgvec baseline`: the tutorial's one-environment algorithm on one host thread.</summary>
public static class BaselineRun
{
    public const string Device = "host";
    public const string DeviceName = "host CPU, one thread";

    public static RunSummary Run(TrainingOptions training, string directory, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine($"pgvec: device {Device} ({DeviceName})");
        var progress = new ProgressLog(stdout);
        TrainingOutcome outcome = new SingleEnvTrainer(training).Train(progress.Episode);
        progress.EpisodesDone();
        var run = new RunCompletion.RunIdentity(RunSummary.SingleEnvMode, Device, DeviceName, Envs: 1);
        // No device, context or kernels to prepare.
        return RunCompletion.Finish(run, training, outcome, setupSeconds: 0.0, directory, stdout);
    }
}
