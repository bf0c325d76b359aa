using PolicyGradient.Devices;

namespace PolicyGradient.Training;

/// <summary>
/// How <see cref="Trainer.Train{TEnvironment}"/> trains: the batch, the network, the optimiser,
/// the target and the budgets. Each default is `pgvec train`'s (CartPole-v1's where it has one
/// per environment).
/// </summary>
public sealed record TrainingSettings
{
    /// <summary>Environments played in parallel, one episode each per iteration.</summary>
    public int Envs { get; init; } = 4096;

    /// <summary>Hidden units of the policy's one ReLU layer.</summary>
    public int Hidden { get; init; } = 32;

    /// <summary>Adam's step size (0.1, chosen by sweeps for batched training; below 8 envs prefer 0.01).</summary>
    public double LearningRate { get; init; } = TrainingOptions.BatchedLearningRate;

    /// <summary>The discount of the returns-to-go the gradient weighs each action with.</summary>
    public double Gamma { get; init; } = 0.99;

    /// <summary>Picks the initial policy and every episode's random stream: the same seed gives the same bits.</summary>
    public ulong Seed { get; init; }

    /// <summary>
    /// Training stops, solved, at the first iteration whose episodes' mean return reaches this;
    /// the policy that played them is the result. Null: no target, train until a budget ends.
    /// </summary>
    public double? TargetReturn { get; init; }

    /// <summary>The most iterations (policy updates) to run.</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>The most seconds the training loop may run (set-up and kernel compilation not counted).</summary>
    public double MaxSeconds { get; init; } = 600.0;

    /// <summary>Stop after the iteration that brings the env-steps run to this many; null: no such budget.</summary>
    public long? MaxEnvSteps { get; init; }

    /// <summary>Where to run, chosen as `pgvec train --device` chooses.</summary>
    public DeviceKind Device { get; init; } = DeviceKind.Auto;

    /// <summary>
    /// A requested device that is missing or fails to start is a <see cref="DeviceUnavailableException"/>
    /// instead of a fallback to the CPU accelerator (`--strict-device`).
    /// </summary>
    public bool StrictDevice { get; init; }

    /// <summary>Gets the one line a device fallback writes (`pgvec train` prints it on stderr); null: not written.</summary>
    public TextWriter? Notices { get; init; }

    /// <summary>Refuses a setting no run can use, naming it.</summary>
    internal void Validate()
    {
        Require(Envs >= 1, $"Envs {Envs} must be at least 1");
        Require(Hidden >= 1, $"Hidden {Hidden} must be at least 1");
        Require(double.IsFinite(LearningRate) && LearningRate > 0, $"LearningRate {LearningRate} must be a positive number");
        Require(Gamma is > 0 and <= 1, $"Gamma {Gamma} must be in (0, 1]");
        Require(TargetReturn is null || double.IsFinite(TargetReturn.Value), $"TargetReturn {TargetReturn} must be a finite number or null");
        Require(MaxIterations >= 1, $"MaxIterations {MaxIterations} must be at least 1");
        Require(MaxSeconds > 0, $"MaxSeconds {MaxSeconds} must be positive");
        Require(MaxEnvSteps is null or >= 1, $"MaxEnvSteps {MaxEnvSteps} must be at least 1 or null");
    }

    /// <summary>The trainer's options for these settings on <paramref name="environment"/>.</summary>
    internal TrainingOptions ToOptions(Environment.EnvironmentDefinition environment) => new()
    {
        Environment = environment,
        Seed = Seed,
        Hidden = Hidden,
        LearningRate = LearningRate,
        Gamma = Gamma,
        Objective = Objective.Reinforce,
        TargetReturn = TargetReturn ?? double.PositiveInfinity,
        MaxUpdates = MaxIterations,
        MaxSeconds = MaxSeconds,
        MaxEnvSteps = MaxEnvSteps ?? long.MaxValue,
    };

    private static void Require(bool condition, string message)
    {
        if (!condition)
            throw new ArgumentException(message);
    }
}
