using System.Diagnostics;
using System.Globalization;
using Pgvec.CommandLine;
using Pgvec.Options;
using Pgvec.Progress;
using PolicyGradient.Reporting.Plots;
using PolicyGradient.Batched;
using PolicyGradient.Checkpoints;
using PolicyGradient.Devices;
using PolicyGradient.Distributed;
using PolicyGradient.Environment;
using PolicyGradient.Output;
using PolicyGradient.Statistics;
using PolicyGradient.Sweeps;
using PolicyGradient.Training;

namespace Pgvec.Commands;

/// <summary>
/// `pgvec sweep`: trains the grid's agents through one <see cref="ISweepTrainer"/>, then writes
/// config.json, each agent's policy, sweep.csv, sweep.json (per agent and per configuration,
/// with greedy evaluations and statistics) and the two plots. An interrupted sweep writes the
/// same files for what it trained, marked interrupted.
/// </summary>
internal sealed class SweepRun(SweepOptions options, RunDirectory directory) : IDistributedCommand
{
    public const string PoliciesDirectory = "policies";

    /// <summary>The run directory checked before any work; it is created once the device is open and the grid fits.</summary>
    public static SweepRun Prepare(SweepOptions options) =>
        new(options, RunDirectory.ForNewRun(options.VerbName, options.Out, options.Overwrite));

    /// <summary>
    /// Alone, or as one rank of an MPI job: every rank trains its share of the agents on its own
    /// device; rank 0 alone shows progress and writes the run directory, holding every agent's results.
    /// </summary>
    public int Execute(TextWriter stdout, TextWriter stderr, IProcessGroup processes)
    {
        ISweepTrainer trainer = processes.Size == 1 ? new BatchedSweepTrainer() : new DistributedSweepTrainer(processes, new BatchedSweepTrainer());
        if (processes.Rank == 0)
            FewEnvsWarning.WarnIfFew(options.Envs, options.Grid.Configurations.Max(c => c.LearningRate), stderr);
        RunContext context = processes.Rank == 0
            ? RunContext.Of(options, directory, stdout, stderr)
            : RunContext.Of(options, directory, TextWriter.Null, stderr) with { Quiet = true };
        return TrainingExit.Of(Run(context, trainer, processes));
    }

    /// <summary>Returns whether the sweep was interrupted (rank 0: as sweep.json says; other ranks: whether they were asked to stop).</summary>
    private bool Run(RunContext context, ISweepTrainer trainer, IProcessGroup processes)
    {
        Interruption.ThrowIfRequested();
        bool root = processes.Rank == 0;
        AgentGrid grid = options.Grid;
        TextWriter stdout = context.Stdout;
        var setup = Stopwatch.StartNew();
        using ComputeDevice device = DeviceChoice.Open(options.DeviceKind, context.Stderr, options.StrictDevice, context.Quiet, processes.Placement);
        IReadOnlyList<SweepBatch> batches = Batches(options, device);
        // Every batch is checked before the first trains: a sweep that cannot finish does not start.
        foreach (SweepBatch batch in batches)
        {
            DeviceEnvironment environment = batch.Environment.Device;
            int agentsHere = DistributedSweepTrainer.AgentsOf(processes.Rank, processes.Size, batch).Count;
            DeviceMemory.EnsureFits(device, Math.Max(1, agentsHere), options.Envs, environment.BytesPerEnv(options.Hidden, environment.MaxEpisodeSteps),
                IndexLimits.ForBatch(environment.Layout(options.Hidden), environment.MaxEpisodeSteps));
        }
        Interruption.ThrowIfRequested();
        string directory = root ? context.Directory.Claim() : "";
        if (root)
            RunConfig.Of(context.Verb, device.Kind.Name(), device.Name, context.ConfigOptions).Write(directory);
        double setupSeconds = setup.Elapsed.TotalSeconds;

        var history = new SweepHistory(grid.Agents.Count);
        var clock = Stopwatch.StartNew();
        IReadOnlyList<TrainingOutcome> outcomes = ISweepProgress.For(context, grid, options.TargetReturns)
            .Track(report => trainer.TrainInTurn(batches, iteration =>
            {
                history.Record(iteration);
                report(iteration);
            }, Interruption.Token));
        double wallSeconds = clock.Elapsed.TotalSeconds;
        if (!root)
            return Interruption.Requested;
        // As for train: a stop asked for before the outcome is written makes the sweep interrupted.
        bool interrupted = Interruption.Settle() || outcomes.Count < grid.Agents.Count || outcomes.Any(o => o.Interrupted);

        string?[] policies = WritePolicies(options, grid, outcomes, directory);
        SweepCsv.Write(directory, grid, history);
        var report = new SweepReport(
            device.Kind.Name(), device.Name, [.. grid.Environments.Select(e => e.Id)], grid.Environments[0].Assembly, options.Envs, options.Hidden, options.TargetReturn,
            options.MaxIterations, options.MaxSeconds, interrupted, setupSeconds, wallSeconds, AgentGrid.OrderDescription,
            ConfigurationStatistics.UnsolvedNote, SweepReport.IntervalMethod,
            AgentResults(grid, outcomes, policies), ConfigurationResults(options, grid, outcomes));
        report.Write(directory);
        SweepPlots.SaveReturns(directory, grid, history, options.TargetReturns);
        SweepPlots.SaveSolved(directory, grid, outcomes);
        PrintSummary(grid, report, outcomes, Path.Combine(directory, SweepReport.FileName), stdout);
        return interrupted;
    }

    /// <summary>One batch per environment, in grid order: a batch is compiled for one environment type, so agents of two cannot share one.</summary>
    private static IReadOnlyList<SweepBatch> Batches(SweepOptions options, ComputeDevice device)
    {
        AgentGrid grid = options.Grid;
        return
        [
            .. grid.Environments.Select((environment, e) =>
            {
                int[] agents = [.. grid.AgentsOn(e)];
                return new SweepBatch(device, options.Envs, options.Hidden, [.. agents.Select(a => grid.Agents[a])], options.TargetReturns[e],
                    options.MaxIterations, options.MaxSeconds, environment)
                {
                    MaxEnvSteps = options.MaxEnvSteps ?? long.MaxValue,
                    InitialLogStd = options.InitialLogStd,
                    FirstAgent = agents[0],
                };
            }),
        ];
    }

    /// <summary>policies/agent-NNN.safetensors, each with its own options (as `train` would store them) and its agent index in the metadata.</summary>
    /// <remarks>An agent that diverged has no policy worth keeping (its parameters may hold NaN): its path is null.</remarks>
    private static string?[] WritePolicies(SweepOptions options, AgentGrid grid, IReadOnlyList<TrainingOutcome> outcomes, string directory)
    {
        var shared = CheckpointMetadata.Of(VerbSpec.For(typeof(SweepOptions)), options);
        foreach (string axis in new[] { "env", "seeds", "lr", "gamma", "objective" })
            shared.Remove(axis);
        int digits = Math.Max(3, (grid.Agents.Count - 1).ToString(CultureInfo.InvariantCulture).Length);
        var paths = new string?[outcomes.Count];
        for (int agent = 0; agent < outcomes.Count; agent++)
        {
            if (outcomes[agent].Failure is not null)
                continue;
            AgentSettings settings = grid.Agents[agent];
            EnvironmentDefinition environment = grid.EnvironmentOf(agent);
            var metadata = new Dictionary<string, string>(shared)
            {
                ["agent"] = agent.ToString(CultureInfo.InvariantCulture),
                ["env"] = environment.Id,
                ["target-return"] = CheckpointMetadata.Text(options.TargetReturnOn(environment)),
                ["seed"] = CheckpointMetadata.Text(settings.Seed),
                ["lr"] = CheckpointMetadata.Text(settings.LearningRate),
                ["gamma"] = CheckpointMetadata.Text(settings.Gamma),
                ["objective"] = settings.Objective.Name(),
            };
            StoredEnvironment.Record(metadata, environment);
            paths[agent] = Path.Combine(PoliciesDirectory, $"agent-{agent.ToString("D" + digits, CultureInfo.InvariantCulture)}.safetensors");
            PolicyTensors.PolicyFile(outcomes[agent].Policy, metadata).Write(Path.Combine(directory, paths[agent]));
        }
        return paths;
    }

    private static SweepAgentResult[] AgentResults(AgentGrid grid, IReadOnlyList<TrainingOutcome> outcomes, string?[] policies)
    {
        var greedy = new double?[outcomes.Count];
        // Each evaluation is its own deterministic computation, so running them side by side changes no result.
        Parallel.For(0, outcomes.Count, agent =>
            greedy[agent] = outcomes[agent].Failure is not null ? null
                : GreedyEvaluation.MeanReturn(outcomes[agent].Policy, grid.EnvironmentOf(agent), RunCompletion.GreedyEpisodes, grid.Agents[agent].Seed));
        return [.. outcomes.Select((o, agent) =>
        {
            AgentSettings settings = grid.Agents[agent];
            return new SweepAgentResult(agent, grid.EnvironmentOf(agent).Id, settings.Seed, settings.LearningRate, settings.Gamma, settings.Objective.Name(), policies[agent],
                o.Solved, o.Interrupted, o.Failure, o.Updates, o.Episodes, o.EnvSteps, o.SecondsToSolve, o.WallSeconds, o.FinalMeanReturn, greedy[agent]);
        })];
    }

    private static SweepConfigurationResult[] ConfigurationResults(SweepOptions options, AgentGrid grid, IReadOnlyList<TrainingOutcome> outcomes) =>
    [
        .. grid.Configurations.Select((c, i) =>
        {
            int[] agents = [.. grid.AgentsOf(i)];
            ConfigurationStatistics? statistics = ConfigurationStatistics.Of(agents.Where(a => a < outcomes.Count).Select(a => outcomes[a]));
            double target = options.TargetReturnOn(c.Environment);
            return new SweepConfigurationResult(i, c.Environment.Id, double.IsFinite(target) ? target : null, c.LearningRate, c.Gamma, c.Objective.Name(), agents, statistics?.AgentsFinished ?? 0,
                statistics?.SolvedFraction, statistics?.Iterations, statistics?.EnvSteps, statistics?.SecondsToSolve);
        }),
    ];

    private static void PrintSummary(AgentGrid grid, SweepReport report, IReadOnlyList<TrainingOutcome> outcomes, string path, TextWriter stdout)
    {
        foreach (SweepConfigurationResult c in report.Configurations)
        {
            string label = grid.Configurations[c.Configuration].Label;
            stdout.WriteLine(c.Iterations is null
                ? $"{label}: no agent finished"
                : string.Create(CultureInfo.InvariantCulture,
                    $"{label}: {c.SolvedFraction:P0} of {c.AgentsFinished} solved; iterations median {Interval(c.Iterations.Median, "0.#")}, IQM {Interval(c.Iterations.InterquartileMean, "F1")}; seconds median {Interval(c.SecondsToSolve!.Median, "F2")}"));
        }
        long envSteps = outcomes.Sum(o => o.EnvSteps);
        int agents = report.Configurations.Sum(c => c.Agents.Length);
        string interrupted = report.Interrupted ? $" (interrupted: {outcomes.Count} of {agents} agents started)" : "";
        int failed = outcomes.Count(o => o.Failure is not null);
        string failures = failed == 0 ? "" : $", {Plural.Of(failed, "agent")} diverged (sweep.json says where)";
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sweep{interrupted}: {outcomes.Count(o => o.Solved)}/{agents} agents solved{failures} in {Plural.Of(report.Configurations.Count, "configuration")}, {envSteps:N0} env-steps in {report.WallSeconds:F2} s ({envSteps / Math.Max(report.WallSeconds, 1e-9):N0}/s); {path}"));
    }

    private static string Interval(Estimate e, string format) => string.Create(CultureInfo.InvariantCulture,
        $"{e.Value.ToString(format, CultureInfo.InvariantCulture)} [{e.Low.ToString(format, CultureInfo.InvariantCulture)}, {e.High.ToString(format, CultureInfo.InvariantCulture)}]");
}
