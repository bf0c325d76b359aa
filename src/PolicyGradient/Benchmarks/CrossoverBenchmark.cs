using System.Text.Json;

namespace PolicyGradient.Benchmarks;

/// <summary>How to start pgvec as a fresh process: the program and the arguments before the verb.</summary>
internal sealed record PgvecCommand(string Program, IReadOnlyList<string> Prefix);

/// <summary>One cell of the crossover table: `train` at one env count and learning rate over the seeds, each a fresh process.</summary>
/// <param name="SecondsToSolve">Training seconds to solve, each seed's (null: unsolved or failed).</param>
/// <param name="CommandSeconds">Whole-command wall-clock, start-up included, each seed's.</param>
internal sealed record CrossoverCell(int Envs, double LearningRate, IReadOnlyList<double?> SecondsToSolve, IReadOnlyList<double> CommandSeconds, IReadOnlyList<string> Errors)
{
    public Spread Solve => Spread.Of(SecondsToSolve);
    public Spread Command => Spread.Of(CommandSeconds.Select(s => (double?)s));
}

/// <summary>The crossover table and the single-env baseline it is read against, all measured cold.</summary>
internal sealed record CrossoverResult(string Device, IReadOnlyList<ulong> Seeds, CrossoverCell Baseline, IReadOnlyList<CrossoverCell> Train)
{
    /// <summary>The cell with the lowest median time to solve among those solving every seed.</summary>
    public CrossoverCell? Best => Train.Where(c => c.Solve.Count == Seeds.Count).MinBy(c => c.Solve.Median);
}

/// <summary>
/// Time to solve as a user meets it: every run a fresh process (cold code, kernels compiled,
/// nothing shared), `train` over envs x learning rates beside `baseline` with its defaults.
/// Seeds run in the outer loop, so a slow spell of the machine touches every cell alike.
/// </summary>
internal static class CrossoverBenchmark
{
    public static readonly int[] Envs = [16, 64, 256, 1024, 4096];
    public static readonly double[] LearningRates = [0.01, 0.1];

    public static CrossoverResult Run(PgvecCommand pgvec, string env, string device, IReadOnlyList<ulong> seeds, IReadOnlyList<int> envs, TimeSpan timeout, TextWriter output)
    {
        string scratch = Directory.CreateTempSubdirectory("pgvec-crossover-").FullName;
        try
        {
            var configurations = envs.SelectMany(e => LearningRates.Select(lr => (Envs: e, LearningRate: lr))).ToArray();
            var baseline = new List<Outcome>();
            var train = configurations.Select(_ => new List<Outcome>()).ToArray();
            foreach (ulong seed in seeds)
            {
                output.WriteLine($"  seed {seed}: baseline and {configurations.Length} trainings, each a fresh process");
                baseline.Add(RunOnce(pgvec, ["baseline", "--env", env, "--seed", $"{seed}"], scratch, timeout));
                for (int c = 0; c < configurations.Length; c++)
                {
                    var (cellEnvs, lr) = configurations[c];
                    train[c].Add(RunOnce(pgvec, ["train", "--env", env, "--envs", $"{cellEnvs}", "--lr", $"{lr}", "--device", device, "--seed", $"{seed}"], scratch, timeout));
                }
            }
            return new CrossoverResult(device, seeds, Cell(1, 0.01, baseline),
                [.. configurations.Select((c, i) => Cell(c.Envs, c.LearningRate, train[i]))]);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private sealed record Outcome(double? SecondsToSolve, double CommandSeconds, string? Error);

    private static CrossoverCell Cell(int envs, double lr, List<Outcome> outcomes) =>
        new(envs, lr, [.. outcomes.Select(o => o.SecondsToSolve)], [.. outcomes.Select(o => o.CommandSeconds)],
            [.. outcomes.Where(o => o.Error is not null).Select(o => o.Error!)]);

    private static Outcome RunOnce(PgvecCommand pgvec, string[] verb, string scratch, TimeSpan timeout)
    {
        string directory = Path.Combine(scratch, Guid.NewGuid().ToString("N"));
        var run = ChildProcess.Run(pgvec.Program, [.. pgvec.Prefix, .. verb, "--quiet", "--out", directory], timeout);
        if (run.Error is { } error)
            return new Outcome(null, run.WallSeconds, $"pgvec {string.Join(' ', verb)}: {error}");
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "summary.json")));
        var solve = summary.RootElement.GetProperty("seconds_to_solve");
        Directory.Delete(directory, recursive: true);
        return new Outcome(solve.ValueKind == JsonValueKind.Number ? solve.GetDouble() : null, run.WallSeconds, null);
    }
}
