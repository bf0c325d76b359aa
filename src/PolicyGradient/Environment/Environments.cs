using PolicyGradient.Kernels;

namespace PolicyGradient.Environment;

/// <summary>What `train` and `compare` run with when --envs or --lr is not given, chosen per environment by sweeps (bench/RESULTS.md).</summary>
internal sealed record TrainingDefaults(int Envs, double LearningRate);

/// <summary>An environment pgvec trains on: its device form, its Gymnasium-exact float64 reference and its training defaults.</summary>
/// <param name="StateNames">env.unwrapped.state's components in Gymnasium's order, which the device state keeps too.</param>
internal sealed record EnvironmentDefinition(DeviceEnvironment Device, IReadOnlyList<string> StateNames, TrainingDefaults Defaults)
{
    public string Id => Device.Id;

    /// <summary>Gymnasium's registry entry: observations, actions, time limit, reward_threshold.</summary>
    public EnvironmentSpec Spec => ReferenceEnvironments.Spec(Id);

    /// <summary>Gymnasium's reward_threshold, where it has one: the default target return.</summary>
    public double? RewardThreshold => Spec.RewardThreshold;

    /// <summary>A fresh float64 reference environment, for the single-env baseline, evaluation and replay.</summary>
    public IReferenceEnvironment CreateReference() => ReferenceEnvironments.Create(Id);
}

/// <summary>The environments the kernels are compiled for, by Gymnasium id.</summary>
internal static class Environments
{
    public static readonly EnvironmentDefinition CartPole = new(
        DeviceEnvironment.Of<CartPoleEnv, CartPoleState, Vector4>(CartPoleEnv.Gymnasium),
        ["x", "x_dot", "theta", "theta_dot"], new TrainingDefaults(4096, 0.1));

    public static readonly EnvironmentDefinition Acrobot = new(
        DeviceEnvironment.Of<AcrobotEnv, AcrobotState, Vector6>(AcrobotEnv.Gymnasium),
        ["theta1", "theta2", "dtheta1", "dtheta2"], new TrainingDefaults(256, 0.05));

    public static readonly EnvironmentDefinition MountainCar = new(
        DeviceEnvironment.Of<MountainCarEnv, MountainCarState, Vector2>(MountainCarEnv.Gymnasium),
        ["position", "velocity"], new TrainingDefaults(4096, 0.1));

    public static readonly IReadOnlyList<EnvironmentDefinition> All = [CartPole, Acrobot, MountainCar];

    public static IReadOnlyList<string> Ids { get; } = [.. All.Select(e => e.Id)];

    /// <summary>The environment with this exact id; null where none has it.</summary>
    public static EnvironmentDefinition? Find(string id) => All.FirstOrDefault(e => e.Id == id);

    /// <summary>The environment with this exact id, for an id already checked (an --env option's rule).</summary>
    /// <exception cref="ArgumentException">None has it.</exception>
    public static EnvironmentDefinition Named(string id) =>
        Find(id) ?? throw new ArgumentException($"no built-in environment {id}; known: {string.Join(", ", Ids)}", nameof(id));
}
