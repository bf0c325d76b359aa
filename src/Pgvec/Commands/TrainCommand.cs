using System.Globalization;
using Pgvec.CommandLine;
using Pgvec.Options;
using PolicyGradient.Distributed;
using PolicyGradient.Policy;
using PolicyGradient.Training;

namespace Pgvec.Commands;

/// <summary>
/// `pgvec train`, its start settled by <see cref="TrainStart"/>: fresh, from given weights, or
/// resumed. Under MPI, data-parallel: every rank plays its share of --envs, rank 0 alone speaks
/// and writes the run directory.
/// </summary>
internal sealed class TrainCommand(TrainOptions options, RunDirectory directory, PolicyParameters? initial, BatchedTrainingState? resumed) : IDistributedCommand
{
    public int Execute(TextWriter stdout, TextWriter stderr, IProcessGroup processes)
    {
        if (options.Envs < processes.Size)
            throw new UsageException($"--envs {options.Envs} cannot be shared by {processes.Size} processes: data-parallel train needs at least one env per rank");
        var metadata = CheckpointMetadata.Of(VerbSpec.Named("train")!, options);
        StoredEnvironment.Record(metadata, options.Environment);
        var checkpoints = new RunCheckpoints(directory, metadata, options.CheckpointEvery, resumed, initial);
        if (!processes.IsRoot)
        {
            BatchedRun.RunWorker(options.Settings, options.Training(options.MaxIterations), checkpoints, stderr, processes);
            return TrainingExit.Of(Interruption.Requested);
        }
        FewEnvsWarning.WarnIfFew(options.Envs, options.LearningRate!.Value, stderr);
        if (resumed is not null && !options.Quiet)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"pgvec: resuming {options.Resume} after {Plural.Of(resumed.Iteration, "iteration")} ({resumed.EnvSteps:N0} env-steps, {resumed.TrainingSeconds:F2} s of training)"));
        }
        if (initial is not null)
        {
            metadata[CheckpointMetadata.InitFromKey] = options.InitFrom!;
            if (!options.Quiet)
                stderr.WriteLine($"pgvec: starting from the {initial.Layout} policy in {options.InitFrom}");
        }
        CompletedRun run = BatchedRun.Run(options.Settings with { EvalEvery = options.EvalEvery }, options.Training(options.MaxIterations), checkpoints, RunContext.Of(options, directory, stdout, stderr),
            processes.Size == 1 ? null : processes);
        return TrainingExit.Of(run.Summary.Interrupted);
    }
}
