using System.Globalization;
using Pgvec.CommandLine;
using Pgvec.Options;
using PolicyGradient.Policy;
using PolicyGradient.Training;

namespace Pgvec.Commands;

/// <summary>`pgvec train`, its start settled by <see cref="TrainStart"/>: fresh, from given weights, or resumed.</summary>
public sealed class TrainCommand(TrainOptions options, RunDirectory directory, PolicyParameters? initial, BatchedTrainingState? resumed) : ICommand
{
    public int Execute(TextWriter stdout, TextWriter stderr)
    {
        var metadata = CheckpointMetadata.Of(VerbSpec.Named("train")!, options);
        if (resumed is not null)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"pgvec: resuming {options.Resume} after {Plural.Of(resumed.Iteration, "iteration")} ({resumed.EnvSteps:N0} env-steps, {resumed.TrainingSeconds:F2} s of training)"));
        }
        if (initial is not null)
        {
            metadata[CheckpointMetadata.InitFromKey] = options.InitFrom!;
            stderr.WriteLine($"pgvec: starting from the 4-{initial.Hidden}-2 policy in {options.InitFrom}");
        }
        var checkpoints = new RunCheckpoints(directory, metadata, options.CheckpointEvery, resumed, initial);
        BatchedRun.Run(options.Settings, options.Training(options.MaxIterations), checkpoints, RunContext.Of(options, directory, stdout, stderr));
        return TrainingExit.Code;
    }
}
