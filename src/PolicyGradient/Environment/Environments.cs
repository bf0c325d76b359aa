using PolicyGradient.Kernels;

namespace PolicyGradient.Environment;

/// <summary>A built-in environment: its device form and what Gymnasium's registry says of it.</summary>
/// <param name="RewardThreshold">Gymnasium's reward_threshold, where it has one: the default target return.</param>
public sealed record EnvironmentDefinition(DeviceEnvironment Device, double? RewardThreshold)
{
    public string Id => Device.Id;
}

/// <summary>The built-in environments, by Gymnasium id.</summary>
public static class Environments
{
    public static readonly EnvironmentDefinition CartPole = new(
        DeviceEnvironment.Of<CartPoleEnv, CartPoleState, Pair<Pair<Scalar, Scalar>, Pair<Scalar, Scalar>>>(CartPoleEnv.Gymnasium), 475);

    public static readonly IReadOnlyList<EnvironmentDefinition> All = [CartPole];

    /// <summary>The environment with this exact id; null where none has it.</summary>
    public static EnvironmentDefinition? Find(string id) => All.FirstOrDefault(e => e.Id == id);
}
