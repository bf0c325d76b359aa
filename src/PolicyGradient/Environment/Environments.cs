using PolicyGradient.Kernels;

namespace PolicyGradient.Environment;

/// <summary>What `train` and `compare` run with when an option is not given, chosen per environment by sweeps (bench/RESULTS.md).</summary>
/// <param name="InitialLogStd">A Gaussian policy's log_std at the start (unused by a categorical one).</param>
/// <param name="TargetReturn">The target where Gymnasium's registry has no reward_threshold (Pendulum's usual bar).</param>
/// <param name="Gamma">The reward-to-go's discount.</param>
internal sealed record TrainingDefaults(int Envs, double LearningRate, double InitialLogStd = 0.0, double? TargetReturn = null, double Gamma = 0.99);

/// <summary>
/// An environment pgvec trains on: its device form, what the host plays (a built-in's
/// Gymnasium-exact float64 reference; a user's own struct) and its training defaults.
/// </summary>
/// <param name="StateNames">env.unwrapped.state's components in Gymnasium's order, which the device state keeps too (a user's: its state's fields).</param>
internal sealed record EnvironmentDefinition(DeviceEnvironment Device, IReadOnlyList<string> StateNames, TrainingDefaults Defaults)
{
    public string Id => Device.Id;

    /// <summary>The assembly a user's environment came from (--env-assembly); null for a built-in one.</summary>
    public EnvironmentAssemblyIdentity? Assembly { get; init; }

    /// <summary>Gymnasium's registry entry: observations, actions, time limit, reward_threshold (a user's environment has none).</summary>
    public EnvironmentSpec Spec => Assembly is null
        ? ReferenceEnvironments.Spec(Id)
        : new EnvironmentSpec(Id, Device.Observations, Device.ActionSpace, Device.MaxEpisodeSteps, RewardThreshold: null);

    /// <summary>Gymnasium's reward_threshold, where it has one.</summary>
    public double? RewardThreshold => Spec.RewardThreshold;

    /// <summary>The default target return: Gymnasium's reward_threshold, else pgvec's own default, else none (a user's environment: give --target-return).</summary>
    public double? DefaultTargetReturn => RewardThreshold ?? Defaults.TargetReturn;

    /// <summary>
    /// A fresh environment on the host, for the single-env baseline, evaluation and replay: a
    /// built-in's float64 reference, a user's own struct called on the host in float32.
    /// </summary>
    public IReferenceEnvironment CreateReference() => Assembly is null ? ReferenceEnvironments.Create(Id) : Device.CreateHostRun();
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

    public static readonly EnvironmentDefinition Pendulum = new(
        DeviceEnvironment.OfContinuous<PendulumEnv, PendulumState, Vector3, Vector1>(PendulumEnv.Gymnasium),
        ["theta", "theta_dot"], new TrainingDefaults(1024, 0.03, InitialLogStd: 0.0, TargetReturn: -200.0));

    public static readonly EnvironmentDefinition MountainCarContinuous = new(
        DeviceEnvironment.OfContinuous<MountainCarContinuousEnv, MountainCarState, Vector2, Vector1>(MountainCarContinuousEnv.Gymnasium),
        ["position", "velocity"], new TrainingDefaults(1024, 0.05, InitialLogStd: 0.0, Gamma: 0.999));

    public static readonly IReadOnlyList<EnvironmentDefinition> All = [CartPole, Acrobot, MountainCar, Pendulum, MountainCarContinuous];

    public static IReadOnlyList<string> Ids { get; } = [.. All.Select(e => e.Id)];

    /// <summary>The environment with this exact id; null where none has it.</summary>
    public static EnvironmentDefinition? Find(string id) => All.FirstOrDefault(e => e.Id == id);

    /// <summary>The environment with this exact id, for an id already checked (an --env option's rule).</summary>
    /// <exception cref="ArgumentException">None has it.</exception>
    public static EnvironmentDefinition Named(string id) =>
        Find(id) ?? throw new ArgumentException($"no built-in environment {id}; known: {string.Join(", ", Ids)}", nameof(id));
}
