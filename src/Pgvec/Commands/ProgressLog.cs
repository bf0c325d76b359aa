using System.Globalization;
using PolicyGradient.Training;

namespace Pgvec.Commands;

/// <summary>Progress lines on stdout: one per batched iteration; for the baseline, one per 100 episodes or per second, and the last.</summary>
public sealed class ProgressLog(TextWriter stdout)
{
    private const int EpisodesPerLine = 100;
    private const double MaxQuietSeconds = 1.0;

    private UpdateReport? _unprinted;
    private double _printedAt;

    public void Iteration(UpdateReport r) => stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"iteration {r.Update,5}  return mean {r.MeanReturn,6:F1} min {r.MinReturn,4:F0} max {r.MaxReturn,4:F0}  env-steps/s {r.EnvStepsPerSecond,12:N0}  elapsed {r.ElapsedSeconds,7:F2} s"));

    public void Episode(UpdateReport r)
    {
        _unprinted = r;
        if (r.Update % EpisodesPerLine == 0 || r.ElapsedSeconds - _printedAt >= MaxQuietSeconds)
            PrintEpisode();
    }

    /// <summary>Prints the last episode's line if the throttle held it back.</summary>
    public void EpisodesDone()
    {
        if (_unprinted is not null)
            PrintEpisode();
    }

    private void PrintEpisode()
    {
        UpdateReport r = _unprinted!;
        _unprinted = null;
        _printedAt = r.ElapsedSeconds;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"episode {r.Update,7}  return {r.MaxReturn,4:F0}  mean of last {Math.Min(r.Update, SingleEnvTrainer.SolvedWindow),3} {r.MeanReturn,6:F1}  env-steps/s {r.EnvStepsPerSecond,12:N0}  elapsed {r.ElapsedSeconds,7:F2} s"));
    }
}
