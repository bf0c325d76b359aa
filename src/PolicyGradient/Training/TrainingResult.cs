using PolicyGradient.Checkpoints;
using PolicyGradient.Devices;
using PolicyGradient.Policy;

namespace PolicyGradient.Training;

/// <summary>What <see cref="Trainer.Train{TEnvironment}"/> trained: the final policy, every iteration's metrics and why it stopped.</summary>
public sealed class TrainingResult
{
    internal TrainingResult(string environmentId, StopReason outcome, PolicyParameters policy, IReadOnlyList<IterationReport> iterations,
        TrainingOutcome totals, DeviceKind device, string deviceName, string? failure)
    {
        EnvironmentId = environmentId;
        Outcome = outcome;
        Policy = policy;
        Iterations = iterations;
        Episodes = totals.Episodes;
        EnvSteps = totals.EnvSteps;
        TrainingSeconds = totals.WallSeconds;
        SecondsToSolve = totals.SecondsToSolve;
        Device = device;
        DeviceName = deviceName;
        Failure = failure;
    }

    /// <summary>The environment's id (its static Id).</summary>
    public string EnvironmentId { get; }

    /// <summary>Why training stopped.</summary>
    public StopReason Outcome { get; }

    /// <summary>
    /// The final policy: once solved, the one whose episodes met the target (its update is not
    /// applied); after a divergence, the last one whose numbers were all finite.
    /// </summary>
    public PolicyParameters Policy { get; }

    /// <summary>Every iteration's metrics, in order.</summary>
    public IReadOnlyList<IterationReport> Iterations { get; }

    /// <summary>Episodes played in all.</summary>
    public long Episodes { get; }

    /// <summary>Env-steps run in all.</summary>
    public long EnvSteps { get; }

    /// <summary>Seconds the training loop ran (device set-up and kernel compilation not counted).</summary>
    public double TrainingSeconds { get; }

    /// <summary>Seconds from the first iteration's start to the end of the one that solved; null unless <see cref="StopReason.Solved"/>.</summary>
    public double? SecondsToSolve { get; }

    /// <summary>The last iteration's mean return; null if no iteration ran.</summary>
    public double? FinalMeanReturn => Iterations.Count > 0 ? Iterations[^1].MeanReturn : null;

    /// <summary>The accelerator that ran it (after any fallback).</summary>
    public DeviceKind Device { get; }

    /// <summary>That accelerator's name.</summary>
    public string DeviceName { get; }

    /// <summary>How training diverged (the iteration and what stopped being finite); null unless <see cref="StopReason.Diverged"/>.</summary>
    public string? Failure { get; }

    /// <summary>
    /// Writes <see cref="Policy"/> as `pgvec train`'s policy.safetensors: float32 tensors fc1.weight,
    /// fc1.bias, fc2.weight and fc2.bias, which PyTorch's `load_file` reads into two nn.Linear layers;
    /// its metadata names the environment and the hidden size. An existing file is replaced.
    /// </summary>
    public void SavePolicy(string path)
    {
        Dictionary<string, string> metadata = FileMetadata.Start();
        metadata["env"] = EnvironmentId;
        metadata["hidden"] = Policy.Hidden.ToString(System.Globalization.CultureInfo.InvariantCulture);
        PolicyTensors.PolicyFile(Policy, metadata).Write(path);
    }
}
