using PolicyGradient.Checkpoints;
using PolicyGradient.Reporting.Export;
using PolicyGradient.Reporting.Export.Onnx;
using PolicyGradient.Policy;
using PolicyGradient.Training;

namespace PolicyGradient.Tests.Export;

/// <summary>
/// A policy that keeps the pole up (the single-env baseline with seed 0, trained until solved:
/// about a second), in float32 as policy.safetensors holds it, and its ONNX model, so greedy
/// episodes run the full 500 steps.
/// </summary>
public sealed class SolvedPolicy
{
    public static readonly IReadOnlyDictionary<string, string> Metadata = new Dictionary<string, string>
    {
        ["format"] = "pt",
        ["pgvec_version"] = "test",
        ["hidden"] = "32",
        ["seed"] = "0",
    };

    public SolvedPolicy()
    {
        TrainingOutcome outcome = new SingleEnvTrainer(new TrainingOptions { Seed = 0 }).Train();
        Assert.True(outcome.Solved, $"the baseline did not solve CartPole (final mean return {outcome.FinalMeanReturn})");
        Policy = PolicyTensors.Read(PolicyTensors.PolicyFile(outcome.Policy, Metadata));
        Model = OnnxPolicyModel.Build(Policy, "CartPole-v1", Metadata, "test");
    }

    public PolicyParameters Policy { get; }
    internal ModelProto Model { get; }
}
