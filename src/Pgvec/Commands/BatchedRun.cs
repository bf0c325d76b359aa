using System.Diagnostics;
using PolicyGradient.Devices;
using PolicyGradient.Output;
using PolicyGradient.Training;

namespace Pgvec.Commands;

/// <summary>`pgvec train`: batched training on the chosen accelerator.</summary>
public static class BatchedRun
{
    public static RunSummary Run(DeviceKind requested, int envs, TrainingOptions training, string directory,
        TextWriter stdout, TextWriter stderr)
    {
        var setup = Stopwatch.StartNew();
        using ComputeDevice device = DeviceChoice.Open(requested, stderr);
        using var trainer = new BatchedTrainer(device, envs, training);
        double setupSeconds = setup.Elapsed.TotalSeconds;

        TrainingOutcome outcome = trainer.Train(new ProgressLog(stdout).Iteration);
        var run = new RunCompletion.RunIdentity(RunSummary.BatchedMode, device.Kind.Name(), device.Name, envs);
        return RunCompletion.Finish(run, training, outcome, setupSeconds, directory, stdout);
    }
}
