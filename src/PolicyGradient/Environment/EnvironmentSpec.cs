namespace PolicyGradient.Environment;

/// <summary>
/// What gymnasium.make(id) declares about an environment: its observation size, action space,
/// TimeLimit and the reward_threshold of Gymnasium's registry (null where it has none).
/// </summary>
internal sealed record EnvironmentSpec(string Id, int Observations, ActionSpace Actions, int MaxEpisodeSteps, double? RewardThreshold);
