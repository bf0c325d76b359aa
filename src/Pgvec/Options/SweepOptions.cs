using CommandLine;
using Pgvec.CommandLine;
using Pgvec.Commands;
using PolicyGradient.Devices;
using PolicyGradient.Environment;
using PolicyGradient.Sweeps;
using PolicyGradient.Training;

namespace Pgvec.Options;

[OptionHelp("max-seconds", "Time budget of each batch's training loop (one batch per --env), in seconds: every agent still training stops when it is spent.")]
[OptionHelp("target-return", "(Default: each environment's reward_threshold: CartPole-v1 475, Acrobot-v1 -100, MountainCar-v0 -110, MountainCarContinuous-v0 90; where Gymnasium has none, pgvec's own: Pendulum-v1 -200) Solved when the mean return reaches this; given, it applies to every --env.")]
[OptionHelp("quiet", "Print only the final lines (one per configuration, then the sweep's): no progress and no device line (warnings and errors still go to stderr).")]
[OptionHelp("out", "(Default: runs/sweep-yyyyMMdd-HHmmss-fff, a fresh one) The sweep's directory: config.json, sweep.json, sweep.csv, sweep.png, solved.png and policies/agent-NNN.safetensors.")]
[Verb("sweep", HelpText = "Trains every combination of --env, --seeds, --lr, --gamma and --objective as one agent of --envs envs; writes sweep.json (statistics per configuration), sweep.csv, plots and every agent's policy.")]
internal sealed class SweepOptions : RunDirectoryOptions, ICheckedOptions
{
    [Option("seeds", Default = "0-7", HelpText = "Seeds, one agent each per configuration: a list of seeds and ranges, e.g. 0-31, 1,5,9 or 0-3,10.")]
    [ListOf(typeof(TrainingRunOptions), nameof(TrainingRunOptions.Seed), Ranges = true)]
    public string Seeds { get; set; } = "";

    [Option("lr", Default = "0.1", HelpText = "Adam learning rates, e.g. 0.01,0.03,0.1.")]
    [ListOf(typeof(TrainingRunOptions), nameof(TrainingRunOptions.LearningRate))]
    public string LearningRates { get; set; } = "";

    [Option("gamma", HelpText = "(Default: each environment's: 0.99, 0.999 for MountainCarContinuous-v0) Discounts of the reward-to-go (reinforce objective), e.g. 0.95,0.99; given, they apply to every --env.")]
    [ListOf(typeof(TrainingRunOptions), nameof(TrainingRunOptions.Gamma))]
    public string? Gammas { get; set; }

    [Option("objective", Default = "reinforce", HelpText = "Objectives, e.g. reinforce,tutorial: each one that train accepts.")]
    [ListOf(typeof(TrainingRunOptions), nameof(TrainingRunOptions.Objective))]
    public string Objectives { get; set; } = "";

    [Option("envs", Default = 64, HelpText = "Environments per agent: one episode each per iteration.")]
    [IntegerRange(1, BatchedOptions.MaxEnvs)]
    public int Envs { get; set; }

    [Option("device", Default = "auto", HelpText = BatchedOptions.DeviceHelp)]
    [OneOf(typeof(DeviceKind))]
    public string Device { get; set; } = "";

    [Option("max-iterations", Default = BatchedOptions.DefaultMaxIterations, HelpText = "Stop an agent after this many iterations.")]
    [IntegerRange(1, int.MaxValue)]
    public int MaxIterations { get; set; }

    [Option("max-env-steps", HelpText = "(Default: none) Stop an agent after the iteration that brings its env-steps to this many.")]
    [LongRange(1, long.MaxValue)]
    public long? MaxEnvSteps { get; set; }

    [Option("strict-device", Default = false, HelpText = BatchedOptions.StrictDeviceHelp)]
    public bool StrictDevice { get; set; }

    [Option("env", Default = "CartPole-v1", HelpText = "Gymnasium environments, e.g. CartPole-v1,Acrobot-v1: each one that train accepts; one device batch each, trained one after another.")]
    [ListOf(typeof(TrainingRunOptions), nameof(TrainingRunOptions.Env))]
    public string Env { get; set; } = "";

    [Option("initial-log-std", MetaValue = "X", HelpText = TrainingRunOptions.InitialLogStdHelp)]
    [NumberRange(-10, 5)]
    public double? InitialLogStd { get; set; }

    [Option("env-assembly", MetaValue = "DLL", HelpText = EnvironmentChoice.AssemblyHelp + " Every environment listed is then one of its.")]
    [NonEmpty("a .dll file")]
    public string? EnvAssembly { get; set; }

    public DeviceKind DeviceKind => EnumNames.Parse<DeviceKind>(Device);

    /// <summary>The agents, in <see cref="AgentGrid"/>'s order.</summary>
    public AgentGrid Grid { get; private set; } = null!;

    /// <summary>The environments of --env, once checked (with --env-assembly, found there).</summary>
    private EnvironmentDefinition[]? _environments;

    /// <summary>Each environment's target, in the grid's order of environments.</summary>
    public IReadOnlyList<double> TargetReturns => [.. Grid.Environments.Select(TargetReturnOn)];

    /// <summary>One target for the whole sweep where its environments share one; null where they differ or have none (a user's environment).</summary>
    protected override double? DefaultTargetReturn =>
        (_environments ?? [.. Axis<string>("env", Env).Select(Environments.Named)]).Select(e => e.DefaultTargetReturn).Distinct().ToArray() is [var only] ? only : null;

    public ICommand Check(ArgumentScan scan)
    {
        EnvironmentDefinition[] environments = _environments = EnvironmentChoice.Of(EnvAssembly is null ? Axis<string>("env", Env) : AssemblyEnvs(), EnvAssembly,
            envGiven: scan.RawValues.ContainsKey(EnvironmentChoice.Option));
        EnvAssembly = EnvironmentChoice.FullPath(EnvAssembly);
        Objective[] objectives = [.. Axis<string>("objective", Objectives).Select(EnumNames.Parse<Objective>)];
        foreach (EnvironmentDefinition environment in environments)
            ObjectiveFit.Require(environment, objectives);
        InitialLogStdFit.Require(InitialLogStd, environments);
        Grid = new AgentGrid(environments, Axis<ulong>("seeds", Seeds), Axis<double>("lr", LearningRates), (Gammas is null ? null : Axis<double>("gamma", Gammas)), objectives);
        // Envs and episodes are counted exactly up to 2^24 in one batch, and a batched engine holds every agent of its environment at once.
        int agents = Grid.AgentsPerEnvironment;
        long envs = (long)agents * Envs;
        if (envs > BatchedOptions.MaxEnvs)
        {
            throw new UsageException(
                $"--envs {Envs} for {agents:N0} agents{(Grid.Environments.Count > 1 ? " on each --env" : "")} is {envs:N0} envs in one batch: at most {BatchedOptions.MaxEnvs:N0}; give fewer agents or at most --envs {BatchedOptions.MaxEnvs / agents:N0}");
        }
        return SweepRun.Prepare(this);
    }

    /// <summary>--env's items with --env-assembly, which only the assembly can check: the list's shape is checked here.</summary>
    private IReadOnlyList<string> AssemblyEnvs()
    {
        var rule = (ListOfAttribute)VerbSpec.For(typeof(SweepOptions)).Option(EnvironmentChoice.Option)!.Rule;
        var (items, problem) = rule.UncheckedItems(Env);
        return items ?? throw new UsageException($"--env {Env} {problem}: must be a comma-separated list of --env-assembly's environments, each once");
    }

    private static IReadOnlyList<T> Axis<T>(string option, string text) =>
        ((ListOfAttribute)VerbSpec.For(typeof(SweepOptions)).Option(option)!.Rule).Values<T>(text);
}
