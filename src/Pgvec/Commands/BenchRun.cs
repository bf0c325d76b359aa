using Pgvec.CommandLine;
using Pgvec.Options;
using PolicyGradient.Benchmarks;
using PolicyGradient.Devices;
using PolicyGradient.Environment;

namespace Pgvec.Commands;

/// <summary>`pgvec bench`: its report path and peer checked before anything is measured, then the benchmark.</summary>
internal sealed class BenchRun(BenchOptions options, EnvironmentDefinition environment, OutputFile report) : ICommand
{
    /// <summary>The peer scripts, copied beside the program at build, so bench finds them from any folder.</summary>
    public static readonly string PeerDirectory = Path.Combine(AppContext.BaseDirectory, "peers");

    public static BenchRun Prepare(BenchOptions options, ArgumentScan scan)
    {
        EnvironmentDefinition environment = EnvironmentChoice.Of(options.Env, options.EnvAssembly, envGiven: scan.RawValues.ContainsKey(EnvironmentChoice.Option));
        OutputFile report = OutputFile.For("out", options.Out, "bench", "bench.json");
        if (options.PeerPython is { } python)
        {
            if (PeerProgram.Find(python) is null)
                throw new UsageException($"--peer-python {python}: no such program (must be a python executable, a path or a name on PATH)");
            string script = Path.Combine(PeerDirectory, BenchmarkRunner.TorchPeerScript);
            if (!File.Exists(script))
                throw new UsageException($"--peer-python {python}: the peer script {script} is missing beside pgvec (rebuild or reinstall it)");
        }
        return new BenchRun(options, environment, report);
    }

    public int Execute(TextWriter stdout, TextWriter stderr)
    {
        using ComputeDevice device = DeviceChoice.OpenToReport(EnumNames.Parse<DeviceKind>(options.Device), "measured", stderr);
        BenchmarkRunner.Run(device, new BenchmarkOptions
        {
            Environment = environment,
            ThroughputEnvs = IntegerListAttribute.Parse(options.Envs, 1, BatchedOptions.MaxEnvs)!,
            SolveEnvs = options.SolveEnvs,
            SolveMaxSeconds = options.SolveMaxSeconds,
            Seeds = IntegerListAttribute.Parse(options.Seeds, 0, int.MaxValue)!.Select(s => (ulong)s).ToArray(),
            MinSeconds = options.MinSeconds,
            PeerPython = options.PeerPython,
            PeerDirectory = PeerDirectory,
            SweepAgents = options.SweepAgents,
            SweepEnvs = options.SweepEnvs,
            FloorEnvs = options.FloorEnvs,
            CrossoverSeeds = [.. Enumerable.Range(0, options.CrossoverRuns).Select(s => (ulong)s)],
            CrossoverEnvs = IntegerListAttribute.Parse(options.CrossoverEnvs, 1, BatchedOptions.MaxEnvs)!,
            Pgvec = ThisPgvec(),
        }, report.Claim, stdout);
        return ExitCodes.Completed;
    }

    /// <summary>
    /// This pgvec as a fresh process: `dotnet pgvec.dll` where pgvec is an assembly on disk (a
    /// build, or the bench console that carries it), the program itself where it is one file.
    /// </summary>
    private static PolicyGradient.Benchmarks.PgvecCommand ThisPgvec()
    {
        string assembly = typeof(Cli).Assembly.Location;
        if (assembly.Length == 0)
            return new(System.Environment.ProcessPath!, []);
        string host = Path.GetFileNameWithoutExtension(System.Environment.ProcessPath) == "dotnet" ? System.Environment.ProcessPath! : "dotnet";
        return new(host, [assembly]);
    }
}
