using System.Globalization;
using PolicyGradient.Training;

namespace Pgvec.Progress;

/// <summary>
/// Plain progress lines, for logs and redirected output: one per batched iteration; for the
/// single-env baseline, one per 100 episodes or per second, and the last.
/// </summary>
internal sealed class ProgressLog(TextWriter stdout, bool perEpisode) : IProgressDisplay
{
    private const int EpisodesPerLine = 100;
    private const double MaxQuietSeconds = 1.0;

    private UpdateReport? _unprinted;
    private double _printedAt;

    public T Track<T>(Func<Action<UpdateReport>, T> train)
    {
        T result = train(perEpisode ? Episode : Iteration);
        if (_unprinted is not null)
            PrintEpisode();
        return result;
    }

    private void Iteration(UpdateReport r) => stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"iteration {r.Update,5}  return mean {r.MeanReturn,6:F1} min {r.MinReturn,4:F0} max {r.MaxReturn,4:F0}  env-steps/s {r.EnvStepsPerSecond,12:N0}  elapsed {r.ElapsedSeconds,7:F2} s"));

    private void Episode(UpdateReport r)
    {
        _unprinted = r;
        if (r.Update % EpisodesPerLine == 0 || r.ElapsedSeconds - _printedAt >= MaxQuietSeconds)
            PrintEpisode();
    }

    private void PrintEpisode()
    {
        UpdateReport r = _unprinted!;
        _unprinted = null;
        _printedAt = r.ElapsedSeconds;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"episode {r.Update,7}  return {r.MeanReturn,4:F0}  mean of last {Math.Min(r.Update, SingleEnvTrainer.SolvedWindow),3} {r.RunningMeanReturn,6:F1}  env-steps/s {r.EnvStepsPerSecond,12:N0}  elapsed {r.ElapsedSeconds,7:F2} s"));
    }
}
