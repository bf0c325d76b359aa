using System.Globalization;
using PolicyGradient.Training;

namespace PolicyGradient.Output;

/// <summary>metrics.csv: one row per update (batched iteration or single-env episode), appended and flushed as it happens.</summary>
public sealed class MetricsCsv : IDisposable
{
    public const string FileName = "metrics.csv";

    public static readonly string[] Columns =
    [
        "iteration", "wall_seconds", "env_steps", "episodes", "mean_return", "min_return", "max_return",
        "mean_episode_length", "env_steps_per_second", "policy_loss", "gradient_norm", "policy_entropy",
    ];

    private readonly StreamWriter _writer;
    private long _episodes;

    public MetricsCsv(string directory)
    {
        Path = System.IO.Path.Combine(directory, FileName);
        _writer = new StreamWriter(Path, append: false) { NewLine = "\n" };
        _writer.WriteLine(string.Join(',', Columns));
        _writer.Flush();
    }

    public string Path { get; }

    /// <remarks>env_steps and episodes are totals so far, so curves plot against them directly.</remarks>
    public void Add(UpdateReport r)
    {
        _episodes += r.Episodes;
        _writer.WriteLine(string.Join(',',
            Number(r.Update), Number(r.ElapsedSeconds), Number(r.TotalEnvSteps), Number(_episodes),
            Number(r.MeanReturn), Number(r.MinReturn), Number(r.MaxReturn), Number(r.MeanEpisodeLength),
            Number(r.EnvStepsPerSecond), Number(r.PolicyLoss), Number(r.GradientNorm), Number(r.Entropy)));
        _writer.Flush();
    }

    private static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string Number(long v) => v.ToString(CultureInfo.InvariantCulture);

    public void Dispose() => _writer.Dispose();
}
