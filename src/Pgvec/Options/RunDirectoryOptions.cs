using System.Reflection;
using CommandLine;
using Pgvec.CommandLine;
using PolicyGradient.Environment;
using PolicyGradient.Training;

namespace Pgvec.Options;

/// <summary>
/// The options every verb that trains into a run directory shares (train, baseline, compare,
/// sweep): the network, the target and time budget, the outputs and the progress shown. Each
/// declares its own --env: one environment, or a sweep's list of them.
/// </summary>
internal abstract class RunDirectoryOptions
{
    [Option("hidden", Default = 32, HelpText = "Hidden units of the D-H-N policy network (D observations and N actions come from --env).")]
    [IntegerRange(1, 1024)]
    public int Hidden { get; set; }

    [Option("target-return", MetaValue = "X", HelpText = "(Default: the environment's reward_threshold: CartPole-v1 475, Acrobot-v1 -100, MountainCar-v0 -110, MountainCarContinuous-v0 90; where Gymnasium has none, pgvec's own: Pendulum-v1 -200) Solved when the mean return reaches this.")]
    [FiniteNumber]
    public double? TargetReturn { get => _targetReturn ?? DefaultTargetReturn; set => _targetReturn = value; }

    private double? _targetReturn;

    /// <summary>The target without --target-return, as config.json records it; null where the verb's environments have different ones.</summary>
    protected abstract double? DefaultTargetReturn { get; }

    /// <summary>The target of agents on <paramref name="environment"/>: --target-return where given (for every environment), else its reward_threshold (none: never solved).</summary>
    public double TargetReturnOn(EnvironmentDefinition environment) =>
        _targetReturn ?? environment.DefaultTargetReturn ?? double.PositiveInfinity;

    [Option("max-seconds", Default = 600.0, HelpText = "Time budget of the training loop, in seconds.")]
    [FiniteNumber(GreaterThan = 0)]
    public double MaxSeconds { get; set; }

    [Option("quiet", Default = false, HelpText = "Print only the final summary line: no progress and no device line (warnings and errors still go to stderr).")]
    public bool Quiet { get; set; }

    [Option("overwrite", Default = false, HelpText = "Replace the run already in --out DIR (its files are deleted first) instead of refusing.")]
    public bool Overwrite { get; set; }

    [Option("out", MetaValue = "DIR", HelpText = "(Default: runs/VERB-yyyyMMdd-HHmmss-fff, a fresh one) The run directory; each verb's help lists its files.")]
    [NonEmpty("a directory path")]
    public string? Out { get; set; }

    public string VerbName => GetType().GetCustomAttribute<VerbAttribute>()!.Name;

    /// <summary>Every option of this verb with the value it runs with, for config.json.</summary>
    public IReadOnlyDictionary<string, object?> OptionValues =>
        VerbSpec.For(GetType()).Options.ToDictionary(o => o.LongName, o => o.Property.GetValue(this));
}
