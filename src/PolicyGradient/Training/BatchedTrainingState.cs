using PolicyGradient.Kernels;
using PolicyGradient.Optimization;
using PolicyGradient.Policy;

namespace PolicyGradient.Training;

/// <summary>
/// Everything a batched run carries from one iteration to the next: what a checkpoint saves
/// and a resume restores. Episodes draw their randomness from (seed, iteration, env), so the
/// iteration count is the whole random state.
/// </summary>
internal sealed class BatchedTrainingState(PolicyParameters policy, Adam optimizer)
{
    public static BatchedTrainingState Start(TrainingOptions options) =>
        Start(options, options.InitialPolicy());

    /// <summary>A fresh agent of a batch: the parameters its seed initialises, a new Adam with its learning rate.</summary>
    public static BatchedTrainingState Start(AgentSettings agent, BatchSettings batch) =>
        Start(agent.ApplyTo(new TrainingOptions { Hidden = batch.Hidden, Environment = batch.Environment, InitialLogStd = batch.InitialLogStd }));

    /// <summary>A fresh run from given weights (e.g. trained in PyTorch): a copy of them, a new Adam.</summary>
    public static BatchedTrainingState Start(TrainingOptions options, PolicyParameters initial)
    {
        PolicyLayout layout = options.Environment.Device.Layout(options.Hidden);
        if (initial.Layout != layout)
            throw new ArgumentException($"the initial policy is {initial.Layout}, {options.Environment.Id} with {options.Hidden} hidden units needs {layout}", nameof(initial));
        var policy = new PolicyParameters(layout, (double[])initial.Values.Clone());
        return new BatchedTrainingState(policy, new Adam(policy.Layout.Count, options.LearningRate));
    }

    public PolicyParameters Policy { get; } = policy;
    public Adam Optimizer { get; } = optimizer;
    /// <summary>Iterations completed; the next one plays the episodes of this index.</summary>
    public int Iteration { get; set; }
    public long Episodes { get; set; }
    public long EnvSteps { get; set; }
    /// <summary>Training-loop seconds spent so far, across resumed sessions.</summary>
    public double TrainingSeconds { get; set; }
    public double? SecondsToSolve { get; set; }
    public double LastMeanReturn { get; set; }
    public bool Solved => SecondsToSolve.HasValue;
    /// <summary>How the agent failed (diverged, in a sweep where that stops only it); null while it has not.</summary>
    public string? Failure { get; set; }
}
