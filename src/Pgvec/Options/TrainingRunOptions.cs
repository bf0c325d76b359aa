using System.Reflection;
using CommandLine;
using Pgvec.CommandLine;
using PolicyGradient.Training;

namespace Pgvec.Options;

/// <summary>The options every training verb (train, baseline, compare) shares.</summary>
public abstract class TrainingRunOptions
{
    [Option("seed", Default = 0UL, HelpText = "Seed of the initial parameters and of every random draw.")]
    [UnsignedInteger]
    public ulong Seed { get; set; }

    [Option("hidden", Default = 32, HelpText = "Hidden units of the 4-H-2 policy network.")]
    [IntegerRange(1, 1024)]
    public int Hidden { get; set; }

    [Option("lr", Default = 0.01, HelpText = "Adam learning rate.")]
    [FiniteNumber(GreaterThan = 0)]
    public double LearningRate { get; set; }

    [Option("gamma", Default = 0.99, HelpText = "Discount of the reward-to-go (reinforce objective).")]
    [NumberRange(0, 1)]
    public double Gamma { get; set; }

    [Option("objective", Default = "reinforce", HelpText = "reinforce (reward-to-go, baseline, normalised advantages) or tutorial (the tutorial's -mean(log pi) * (sum(rewards) - 15); also accepted as seed, its former name).")]
    [OneOf(typeof(Objective))]
    public string Objective { get => _objective; set => _objective = value == FormerTutorialName ? "tutorial" : value; }

    /// <summary>What --objective tutorial was called before it was renamed (it read like --seed); still accepted, including from old checkpoints.</summary>
    private const string FormerTutorialName = "seed";
    private string _objective = "";

    [Option("target-return", Default = 475.0, HelpText = "Solved when the mean return reaches this.")]
    [FiniteNumber]
    public double TargetReturn { get; set; }

    [Option("max-seconds", Default = 600.0, HelpText = "Time budget of the training loop, in seconds.")]
    [FiniteNumber(GreaterThan = 0)]
    public double MaxSeconds { get; set; }

    [Option("quiet", Default = false, HelpText = "Print only the final summary line: no progress and no device line (warnings and errors still go to stderr).")]
    public bool Quiet { get; set; }

    [Option("overwrite", Default = false, HelpText = "Replace the run already in --out DIR (its files are deleted first) instead of refusing.")]
    public bool Overwrite { get; set; }

    [Option("out", MetaValue = "DIR", HelpText = "(Default: runs/VERB-yyyyMMdd-HHmmss-fff, a fresh one) The run directory: config.json, metrics.csv, TensorBoard events, plots, summary.json, the policy and checkpoint.")]
    [NonEmpty("a directory path")]
    public string? Out { get; set; }

    public string VerbName => GetType().GetCustomAttribute<VerbAttribute>()!.Name;

    /// <summary>Every option of this verb with the value it runs with, for config.json.</summary>
    public IReadOnlyDictionary<string, object?> OptionValues =>
        VerbSpec.For(GetType()).Options.ToDictionary(o => o.LongName, o => o.Property.GetValue(this));

    public TrainingOptions Training(int maxUpdates) => new()
    {
        Seed = Seed,
        Hidden = Hidden,
        LearningRate = LearningRate,
        Gamma = Gamma,
        Objective = EnumNames.Parse<Objective>(Objective),
        TargetReturn = TargetReturn,
        MaxUpdates = maxUpdates,
        MaxSeconds = MaxSeconds,
    };
}
