using PolicyGradient.Checkpoints;
using PolicyGradient.Policy;
using PolicyGradient.Training;

namespace Pgvec.Commands;

/// <summary>
/// Where a run starts (fresh, from given weights, or from a checkpoint) and what it keeps:
/// checkpoint.safetensors and policy.safetensors in its directory, every <c>every</c>
/// iterations (if set) and at the end. Each file is replaced atomically, so a run stopped at any
/// moment leaves the last complete checkpoint.
/// </summary>
internal sealed class RunCheckpoints(
    RunDirectory directory,
    IReadOnlyDictionary<string, string> metadata,
    int? every = null,
    BatchedTrainingState? resumed = null,
    PolicyParameters? initial = null)
{
    public const string CheckpointFile = "checkpoint.safetensors";
    public const string PolicyFile = "policy.safetensors";

    private int? _writtenAt;

    /// <summary>What every safetensors file of the run holds in its __metadata__.</summary>
    public IReadOnlyDictionary<string, string> Metadata => metadata;

    /// <summary>Where a resumed run picks up: its iteration and episodes so far; null for a fresh run.</summary>
    public (int Iteration, long Episodes)? ResumedAfter => resumed is null ? null : (resumed.Iteration, resumed.Episodes);

    public BatchedTrainingState Start(TrainingOptions training) =>
        resumed ?? (initial is null ? BatchedTrainingState.Start(training) : BatchedTrainingState.Start(training, initial));

    /// <summary>Called after every iteration: writes when one of every <c>every</c> is done.</summary>
    public void Iteration(BatchedTrainingState state)
    {
        if (every is int n && state.Iteration % n == 0)
            Write(state);
    }

    public void Finish(BatchedTrainingState state)
    {
        if (_writtenAt != state.Iteration)
            Write(state);
    }

    /// <summary>A run with no resumable state (the single-env baseline) keeps its policy only.</summary>
    public void FinishPolicy(PolicyParameters policy) =>
        PolicyTensors.PolicyFile(policy, metadata).Write(Path.Combine(directory.Path, PolicyFile));

    private void Write(BatchedTrainingState state)
    {
        TrainingCheckpoint.ToFile(state, metadata).Write(Path.Combine(directory.Path, CheckpointFile));
        FinishPolicy(state.Policy);
        _writtenAt = state.Iteration;
    }
}
