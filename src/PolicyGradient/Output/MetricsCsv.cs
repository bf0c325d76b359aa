using System.Globalization;
using PolicyGradient.Training;

namespace PolicyGradient.Output;

/// <summary>
/// metrics.csv: one row per update (batched iteration or single-env episode), appended and
/// flushed as it happens. mean_length differs from mean_return wherever a step does not pay 1;
/// terminated_fraction tells episodes that ended (CartPole fell, Acrobot's tip rose, MountainCar
/// reached the flag) from those the time limit cut. Numbers have fixed precision: milliseconds,
/// returns and lengths to 0.01, rates whole, losses to 6 digits, fractions to 4.
/// </summary>
internal sealed class MetricsCsv : IDisposable
{
    public const string FileName = "metrics.csv";

    public static readonly string[] Columns =
    [
        "iteration", "wall_seconds", "env_steps", "episodes", "mean_return", "min_return", "max_return",
        "env_steps_per_second", "policy_loss", "gradient_norm", "policy_entropy", "eval_episodic_return",
        "mean_length", "terminated_fraction",
    ];

    private readonly StreamWriter _writer;
    private long _episodes;

    /// <param name="resumedAfter">A resumed run's iteration and episodes so far: its rows up to there are kept and new ones appended.</param>
    public MetricsCsv(string directory, (int Iteration, long Episodes)? resumedAfter = null)
    {
        Path = System.IO.Path.Combine(directory, FileName);
        // Rows past the checkpoint (a run stopped between checkpoints) are played again, so they go.
        string[] kept = resumedAfter is var (iteration, episodes) && File.Exists(Path)
            ? File.ReadLines(Path).Skip(1).TakeWhile(l => long.Parse(l.Split(',')[0], CultureInfo.InvariantCulture) <= iteration).ToArray()
            : [];
        _episodes = resumedAfter?.Episodes ?? 0;
        // Header and kept rows replace the file whole, so a crash here cannot lose the earlier rows.
        AtomicFile.WriteAllText(Path, string.Join('\n', [string.Join(',', Columns), .. kept]) + "\n");
        _writer = new StreamWriter(Path, append: true) { NewLine = "\n" };
        // An iteration without an evaluation leaves its eval column empty: NaN here.
        KeptRows = kept.Select(l => l.Split(',').Select(v => v.Length == 0 ? double.NaN : double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
    }

    public string Path { get; }

    /// <summary>A resumed run's rows from before the checkpoint, parsed, in <see cref="Columns"/> order.</summary>
    public IReadOnlyList<double[]> KeptRows { get; }

    /// <remarks>env_steps and episodes are totals so far, so curves plot against them directly.</remarks>
    /// <param name="evalReturn">The periodic greedy evaluation made after this update (--eval-every); null: none, an empty column.</param>
    public void Add(UpdateReport r, double? evalReturn = null)
    {
        _episodes += r.Episodes;
        _writer.WriteLine(string.Join(',',
            Number(r.Update), Fixed(r.ElapsedSeconds, "F3"), Number(r.TotalEnvSteps), Number(_episodes),
            Fixed(r.MeanReturn, "F2"), Fixed(r.MinReturn, "F2"), Fixed(r.MaxReturn, "F2"),
            Fixed(r.EnvStepsPerSecond, "F0"), Fixed(r.PolicyLoss, "G6"), Fixed(r.GradientNorm, "G6"), Fixed(r.Entropy, "G6"),
            evalReturn is double e ? Fixed(e, "F2") : "",
            Fixed(r.MeanEpisodeLength, "F2"), Fixed(r.TerminatedFraction, "F4")));
        _writer.Flush();
    }

    private static string Fixed(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);

    private static string Number(long v) => v.ToString(CultureInfo.InvariantCulture);

    public void Dispose() => _writer.Dispose();
}
