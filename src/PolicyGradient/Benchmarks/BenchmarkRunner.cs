using PolicyGradient.Devices;
using PolicyGradient.Environment;
using PolicyGradient.Output;
using PolicyGradient.Training;

namespace PolicyGradient.Benchmarks;

/// <summary>What `pgvec bench` and bench/PolicyGradient.Bench measure, and where the report goes.</summary>
internal sealed record BenchmarkOptions
{
    /// <summary>What every section trains and steps; the PyTorch peer exists for CartPole-v1 only.</summary>
    public EnvironmentDefinition Environment { get; init; } = Environments.CartPole;
    public int[] ThroughputEnvs { get; init; } = [1, 64, 1024, 4096, 65536];
    /// <summary>Env count of the time-to-solve runs; null: the environment's default (train's).</summary>
    public int? SolveEnvs { get; init; }
    /// <summary>Each time-to-solve run's training budget, train and baseline alike.</summary>
    public double SolveMaxSeconds { get; init; } = 600.0;
    public ulong[] Seeds { get; init; } = [0, 1, 2];
    public double MinSeconds { get; init; } = 3.0;
    /// <summary>Python with torch for the PyTorch peer; null skips the peer.</summary>
    public string? PeerPython { get; init; }
    /// <summary>Where the peer scripts are; the caller finds them (pgvec: beside the program).</summary>
    public required string PeerDirectory { get; init; }
    public double PeerTimeoutSeconds { get; init; } = 600;
    /// <summary>Agents of the sweep section (0 skips it), each with <see cref="SweepEnvs"/> envs, at <see cref="SweepLearningRate"/>.</summary>
    public int SweepAgents { get; init; } = 32;
    public int SweepEnvs { get; init; } = 64;
    public double SweepLearningRate { get; init; } = 0.1;
    /// <summary>Envs of the iteration-floor section (0 skips it).</summary>
    public int FloorEnvs { get; init; } = 64;
    /// <summary>Seeds of the crossover table, each run a fresh process (empty skips it).</summary>
    public ulong[] CrossoverSeeds { get; init; } = [0, 1, 2, 3, 4];
    public int[] CrossoverEnvs { get; init; } = CrossoverBenchmark.Envs;
    /// <summary>How to start pgvec as a fresh process; null skips the crossover table.</summary>
    public PgvecCommand? Pgvec { get; init; }
}

/// <summary>Everything one benchmark run measured, side by side, with where and when.</summary>
internal sealed record BenchmarkReport(
    string Date,
    string Machine,
    string Device,
    string DeviceName,
    int Hidden,
    IReadOnlyList<ThroughputResult> Throughput,
    IReadOnlyList<SolveTimeResult> SolveTimes,
    Spread BatchedSecondsToSolve,
    Spread BaselineSecondsToSolve,
    SweepBenchmarkResult? Sweep,
    IterationFloorResult? IterationFloor,
    CrossoverResult? Crossover,
    IReadOnlyList<PeerRun> Peers,
    string Env);

internal static class BenchmarkRunner
{
    public const string TorchPeerScript = "torch_reinforce.py";
    private const int Hidden = 32;

    /// <param name="outPath">Called once everything is measured: where the report goes (checked by the caller before the work).</param>
    public static BenchmarkReport Run(ComputeDevice device, BenchmarkOptions options, Func<string> outPath, TextWriter output)
    {
        EnvironmentDefinition env = options.Environment;
        output.WriteLine($"pgvec bench of {env.Id} on {device.Kind.Name()} ({device.Name}), {System.Environment.ProcessorCount} host cores");

        var (policy, policyText) = ThroughputBenchmark.FixedPolicy(env, Hidden);
        output.WriteLine();
        output.WriteLine($"Throughput, whole iterations with a fixed policy, {policyText} (rollout + gradient + reductions + Adam):");
        output.WriteLine($"{"envs",9} {"env-steps/s",14} {"mean length",12} {"iterations",11} {"rollout",8} {"gradient",9} {"host",6} {"device MB",10}");
        var throughput = new List<ThroughputResult>();
        foreach (int envs in options.ThroughputEnvs)
        {
            var r = ThroughputBenchmark.Measure(device, env, policy, envs, 2, options.MinSeconds);
            throughput.Add(r);
            output.WriteLine($"{r.Envs,9} {r.EnvStepsPerSecond,14:N0} {r.MeanEpisodeLength,12:F1} {r.Iterations,11} {r.RolloutSeconds / r.Seconds,8:P0} {r.GradientSeconds / r.Seconds,9:P0} {r.HostSeconds / r.Seconds,6:P1} {r.DeviceBytes / 1e6,10:N1}");
        }

        IterationFloorResult? floor = null;
        if (options.FloorEnvs > 0)
        {
            output.WriteLine();
            floor = IterationFloorBenchmark.Measure(device, env, options.FloorEnvs, Hidden, options.MinSeconds);
            double peak = throughput.Count > 0 ? throughput.Max(r => r.EnvStepsPerSecond) : double.NaN;
            output.WriteLine($"Iteration floor: {floor.Envs} envs, a fresh policy at lr 0 (episodes of {floor.EnvStepsPerIteration / floor.Envs:F1} steps), medians of {floor.Iterations} iterations:");
            output.WriteLine($"  iteration {floor.IterationMs:F3} ms for {floor.EnvStepsPerIteration:N0} env-steps; at the peak rate above ({peak:N0}/s) those need {floor.EnvStepsPerIteration / peak * 1e3:F3} ms: fixed cost {floor.FixedMs(peak):F3} ms");
            output.WriteLine($"  the same uploads, {floor.Launches} launches and read-backs with no work: {floor.IdleMs:F3} ms = launches {floor.LaunchMs * 1e3:F0} us each + copies {floor.CopiesMs:F3} ms; an idle synchronisation {floor.SynchronizeMs * 1e3:F1} us");
            output.WriteLine($"  host (packing, step weights, checks, Adam) {floor.HostMs:F3} ms; kernel work {floor.WorkMs:F3} ms; {floor.AllocatedBytes:N0} bytes allocated per iteration");
        }

        output.WriteLine();
        int solveEnvs = options.SolveEnvs ?? env.Defaults.Envs;
        double target = TargetReturn(env);
        output.WriteLine($"Time to solve {env.Id} (mean return >= {target}), train --envs {solveEnvs} against baseline, defaults:");
        output.WriteLine($"{"seed",5} {"train s",9} {"iterations",11} {"env-steps/s",13} {"baseline s",11} {"episodes",9} {"env-steps/s",13}");
        var solves = new List<SolveTimeResult>();
        foreach (ulong seed in options.Seeds)
        {
            var batchedOptions = new TrainingOptions { Environment = env, TargetReturn = target, Seed = seed, LearningRate = env.Defaults.LearningRate, Gamma = env.Defaults.Gamma, MaxSeconds = options.SolveMaxSeconds };
            var baselineOptions = new TrainingOptions { Environment = env, TargetReturn = target, Seed = seed, MaxUpdates = 5000, MaxSeconds = options.SolveMaxSeconds };
            var s = SolveTimeBenchmark.Run(device, solveEnvs, batchedOptions, baselineOptions);
            solves.Add(s);
            output.WriteLine($"{s.Seed,5} {Seconds(s.BatchedSecondsToSolve),9} {s.BatchedIterations,11} {s.BatchedEnvStepsPerSecond,13:N0} {Seconds(s.BaselineSecondsToSolve),11} {s.BaselineEpisodes,9} {s.BaselineEnvStepsPerSecond,13:N0}");
        }
        var batchedSpread = Spread.Of(solves.Select(s => s.BatchedSecondsToSolve));
        var baselineSpread = Spread.Of(solves.Select(s => s.BaselineSecondsToSolve));
        output.WriteLine($"median (min-max): train {Describe(batchedSpread)}, baseline {Describe(baselineSpread)}");

        SweepBenchmarkResult? sweep = null;
        if (options.SweepAgents > 0)
        {
            output.WriteLine();
            output.WriteLine($"Sweep: {options.SweepAgents} agents (seeds 0-{options.SweepAgents - 1}) x {options.SweepEnvs} envs, lr {options.SweepLearningRate}, in one batch against one after another:");
            sweep = SweepBenchmark.Run(device, env, target, policy, options.SweepAgents, options.SweepEnvs, options.SweepLearningRate, options.MinSeconds);
            output.WriteLine($"  one batch {sweep.BatchSeconds:F2} s ({sweep.BatchSolved} solved), in sequence {sweep.SequentialSeconds:F2} s ({sweep.SequentialSolved} solved): {sweep.Speedup:F1}x");
            output.WriteLine($"  env-steps/s, fixed policy: {sweep.Agents} x {sweep.EnvsPerAgent} envs {sweep.BatchEnvStepsPerSecond:N0}, one agent x {sweep.Agents * sweep.EnvsPerAgent} envs {sweep.OneAgentEnvStepsPerSecond:N0} ({sweep.ThroughputRatio:P0})");
        }

        CrossoverResult? crossover = null;
        if (env.Assembly is not null && options.Pgvec is not null && options.CrossoverSeeds.Length > 0)
        {
            output.WriteLine();
            output.WriteLine($"Crossover: skipped, its fresh processes run the built-in environments (baseline has no --env-assembly), not {env.Id}");
        }
        else if (options.Pgvec is { } pgvec && options.CrossoverSeeds.Length > 0)
        {
            output.WriteLine();
            output.WriteLine($"Crossover: median seconds to solve over seeds {string.Join(",", options.CrossoverSeeds)}, every run a fresh pgvec process (cold, as a user runs it):");
            crossover = CrossoverBenchmark.Run(pgvec, env.Id, device.Kind.Name(), options.CrossoverSeeds, options.CrossoverEnvs, TimeSpan.FromSeconds(options.PeerTimeoutSeconds), output);
            output.WriteLine($"{"envs",7} {"lr 0.01",18} {"lr 0.1",18}   (median (min-max) s, solved; whole command median s)");
            foreach (var row in crossover.Train.GroupBy(c => c.Envs))
                output.WriteLine($"{row.Key,7} {string.Join(" ", row.Select(c => $"{CellText(c),18}"))}");
            output.WriteLine($"{"baseline",7} {CellText(crossover.Baseline),18}   (1 env, lr 0.01, its defaults)");
            foreach (string error in crossover.Train.Append(crossover.Baseline).SelectMany(c => c.Errors))
                output.WriteLine($"  failed: {error}");
            if (crossover.Best is { } best && crossover.Baseline.Solve.Median is { } baseline)
                output.WriteLine($"fastest: train --envs {best.Envs} --lr {best.LearningRate}, {best.Solve.Median:F3} s against the baseline's {baseline:F3} s: {baseline / best.Solve.Median:F1}x");
        }

        var peers = new List<PeerRun>();
        if (options.PeerPython is not null && env != Environments.CartPole)
        {
            output.WriteLine();
            output.WriteLine($"PyTorch peer: skipped, its script ({TorchPeerScript}) trains CartPole-v1 only, not {env.Id}");
        }
        else if (options.PeerPython is { } python)
        {
            output.WriteLine();
            string script = Path.Combine(options.PeerDirectory, TorchPeerScript);
            output.WriteLine($"PyTorch peer ({script}), same machine, same run, --envs {solveEnvs}:");
            string peerDevice = device.Kind == DeviceKind.Cuda ? "cuda" : "cpu";
            var timeout = TimeSpan.FromSeconds(options.PeerTimeoutSeconds);
            foreach (ulong seed in options.Seeds)
            {
                var run = PeerRun.Start(python, script, $"--envs {solveEnvs} --device {peerDevice} --seed {seed}", timeout);
                peers.Add(run);
                output.WriteLine($"  seed {seed}: {PeerLine(run)}");
            }
        }

        var report = new BenchmarkReport(DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'"),
            $"{System.Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}",
            device.Kind.Name(), device.Name, Hidden, throughput, solves, batchedSpread, baselineSpread, sweep, floor, crossover, peers, env.Id);
        string path = outPath();
        JsonFile.Write(path, report);
        output.WriteLine();
        output.WriteLine($"wrote {path}");
        return report;
    }

    /// <summary>What `train --env` solves at by default: Gymnasium's reward_threshold, else pgvec's own (Pendulum-v1's -200); none: never solved, the budget decides.</summary>
    private static double TargetReturn(EnvironmentDefinition env) => env.DefaultTargetReturn ?? double.PositiveInfinity;

    private static string CellText(CrossoverCell c) =>
        (c.Solve.Median is { } m ? $"{m:F3} ({c.Solve.Min:F2}-{c.Solve.Max:F2}) {c.Solve.Count}/{c.SecondsToSolve.Count}" : $"unsolved 0/{c.SecondsToSolve.Count}") + $" {c.Command.Median:F1}";

    private static string Seconds(double? s) => s is { } v ? v.ToString("F2") : "unsolved";

    private static string Describe(Spread s) =>
        s.Median is { } m ? $"{m:F2} s ({s.Min:F2}-{s.Max:F2}, {s.Count} solved)" : "never solved";

    private static string PeerLine(PeerRun run) => run.Error is { } error
        ? $"not measured ({error})"
        : (run.Number("seconds_to_solve") is { } solved ? $"solved in {solved:F2} s" : $"unsolved after {run.Number("wall_seconds"):F2} s") +
          $", {run.Number("iterations")} iterations, {run.Number("env_steps_per_second"):N0} env-steps/s";
}
