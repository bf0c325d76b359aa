using CommandLine;
using Pgvec.Commands;
using Pgvec.CommandLine;
using PolicyGradient.Environment;
using PolicyGradient.Training;

namespace Pgvec.Options;

/// <summary>The options of the verbs that train one agent (train, baseline, compare): its <see cref="AgentSettings"/>.</summary>
internal abstract class TrainingRunOptions : RunDirectoryOptions, ICheckedOptions
{
    /// <summary>baseline and compare run as given once the objective fits the environment; train also reads its input files.</summary>
    public virtual ICommand Check(ArgumentScan scan)
    {
        ObjectiveFit.Require(Environment, [EnumNames.Parse<Objective>(Objective)]);
        InitialLogStdFit.Require(InitialLogStd, [Environment]);
        return (ICommand)this;
    }

    public const string InitialLogStdHelp = "(Default: the environment's, 0) A Gaussian policy's log_std at the start, every action dimension: continuous environments only.";

    [Option("initial-log-std", MetaValue = "X", HelpText = InitialLogStdHelp)]
    [NumberRange(-10, 5)]
    public double? InitialLogStd { get; set; }

    [Option("seed", Default = 0UL, HelpText = "Seed of the initial parameters and of every random draw.")]
    [UnsignedInteger]
    public ulong Seed { get; set; }

    [Option("lr", MetaValue = "X", HelpText = "Adam learning rate; each verb's help gives its default.")]
    [FiniteNumber(GreaterThan = 0)]
    public double? LearningRate { get => _learningRate ?? DefaultLearningRate; set => _learningRate = value; }

    private double? _learningRate;

    /// <summary>Whether --lr was given (compare then runs both halves with it).</summary>
    public bool LearningRateGiven => _learningRate is not null;

    /// <summary>This verb's learning rate when --lr is not given.</summary>
    protected abstract double DefaultLearningRate { get; }

    [Option("gamma", MetaValue = "X", HelpText = "(Default: the environment's: 0.99, 0.999 for MountainCarContinuous-v0) Discount of the reward-to-go (reinforce objective).")]
    [NumberRange(0, 1)]
    public double? Gamma { get => _gamma ?? Environment.Defaults.Gamma; set => _gamma = value; }

    private double? _gamma;

    [Option("objective", Default = "reinforce", HelpText = "reinforce (reward-to-go, baseline, normalised advantages) or tutorial (the tutorial's -mean(log pi) * (sum(rewards) - 15); also accepted as seed, its former name).")]
    [OneOf(typeof(Objective))]
    public string Objective { get => _objective; set => _objective = value == FormerTutorialName ? "tutorial" : value; }

    /// <summary>What --objective tutorial was called before it was renamed (it read like --seed); still accepted, including from old checkpoints.</summary>
    private const string FormerTutorialName = "seed";
    private string _objective = "";

    [Option("max-env-steps", HelpText = "(Default: none) Stop after the update that brings the env-steps run in all to this many (an update is never cut short).")]
    [LongRange(1, long.MaxValue)]
    public long? MaxEnvSteps { get; set; }

    [Option("env", Default = "CartPole-v1", HelpText = "The Gymnasium environment to train on: CartPole-v1, Acrobot-v1, MountainCar-v0, Pendulum-v1 or MountainCarContinuous-v0.")]
    [EnvironmentId]
    public string Env { get; set; } = "CartPole-v1";

    /// <summary>
    /// The environment the run trains on: the built-in --env names (its rule has checked it
    /// exists), unless the verb's check has settled another (one of --env-assembly's, or a file's).
    /// </summary>
    public EnvironmentDefinition Environment
    {
        get => _environment ?? Environments.Named(Env);
        set
        {
            _environment = value;
            Env = value.Id;
        }
    }

    private EnvironmentDefinition? _environment;

    /// <summary>The environment's default target; none (a user's environment) is null, as config.json records it: the run is never solved.</summary>
    protected override double? DefaultTargetReturn => Environment.DefaultTargetReturn;

    public TrainingOptions Training(int maxUpdates) => new()
    {
        Environment = Environment,
        Seed = Seed,
        Hidden = Hidden,
        LearningRate = LearningRate!.Value,
        Gamma = Gamma!.Value,
        Objective = EnumNames.Parse<Objective>(Objective),
        TargetReturn = TargetReturnOn(Environment),
        MaxUpdates = maxUpdates,
        MaxSeconds = MaxSeconds,
        MaxEnvSteps = MaxEnvSteps ?? long.MaxValue,
        InitialLogStd = InitialLogStd,
    };
}
