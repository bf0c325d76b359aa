using PolicyGradient.Batched;
using PolicyGradient.Devices;
using PolicyGradient.Environment;
using PolicyGradient.Policy;
using PolicyGradient.Training;

namespace PolicyGradient.SelfTest;

/// <summary>
/// What the self-test asks a device to compute, as functions, so a test can hand it a deliberately
/// wrong one and see the check that must catch it fail.
/// </summary>
/// <param name="Step">environment, states [n][state size], actions [n] -> each one's device step.</param>
/// <param name="Logits">environment, policy, observations [n][D] -> the network's outputs [n][N] (logits, or a Gaussian policy's means).</param>
/// <param name="UniformFloats">keys [n], counters [n] -> the counter-based uniform float of each pair.</param>
/// <param name="ReduceStatistics">a [rows][EpisodeStatistics.Width] matrix -> its column reduction.</param>
/// <param name="Reinforce">environment, policy, envs, seed, iteration, gamma -> the episodes played and their REINFORCE gradient.</param>
/// <param name="Train">options, envs -> each iteration's metrics.</param>
internal sealed record SelfTestComputations(
    Func<DeviceEnvironment, float[][], StepActions, DeviceTransition[]> Step,
    Func<DeviceEnvironment, PolicyParameters, float[][], float[][]> Logits,
    Func<ulong[], ulong[], float[]> UniformFloats,
    Func<float[], float[]> ReduceStatistics,
    Func<DeviceEnvironment, PolicyParameters, int, ulong, int, float, RecordedGradient> Reinforce,
    Func<TrainingOptions, int, IReadOnlyList<IterationMetrics>> Train)
{
    /// <summary>The production kernels on <paramref name="device"/>.</summary>
    public static SelfTestComputations On(ComputeDevice device) => new(
        (environment, states, actions) => environment.Step(device, states, actions),
        (environment, policy, observations) => environment.Outputs(device, policy, observations),
        device.Kernels.UniformFloats,
        rows => SelfTestBatches.ReduceStatistics(device, rows),
        (environment, policy, envs, seed, iteration, gamma) => SelfTestBatches.Reinforce(device, environment, policy, envs, seed, iteration, gamma),
        (options, envs) => SelfTestBatches.Train(device, options, envs));
}
