using System.Globalization;
using PolicyGradient.Training;

namespace Pgvec.Progress;

/// <summary>
/// On a terminal: one live line, the watched mean return against the target as a bar, with the
/// updates and seconds used of their budgets and env-steps/s. The training thread only hands over
/// its latest report; a timer thread redraws the line a few times a second with one write, so
/// the display never sits in the timed loop and costs next to nothing beside it.
/// </summary>
internal sealed class LiveProgress(TrainingOptions training, string updates, TextWriter terminal) : IProgressDisplay
{
    /// <summary>How often the line is redrawn: often enough to watch, rarely enough to cost nothing.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(250);

    private readonly Lock _drawing = new();
    private UpdateReport? _latest;

    public T Track<T>(Func<Action<UpdateReport>, T> train)
    {
        // Drawn once before the clock starts, and a report's line formatted once, so the start-up
        // and compilation of drawing fall outside the timed loop rather than on its 2 busy cores.
        Draw();
        _ = Line(new UpdateReport
        {
            Update = 0, Episodes = 1, MeanReturn = 0, MinReturn = 0, MaxReturn = 0, EnvSteps = 0, TotalEnvSteps = 0,
            EnvStepsPerSecond = 0, ElapsedSeconds = 0, PolicyLoss = 0, Entropy = 0, GradientNorm = 0,
        }, TerminalWidth());
        var timer = new Timer(_ => Draw(), null, RefreshInterval, RefreshInterval);
        T result;
        try
        {
            result = train(r => Volatile.Write(ref _latest, r));
        }
        finally
        {
            // Waits for a drawing in flight, so none lands after the last line.
            timer.DisposeAsync().AsTask().Wait();
        }
        Draw();
        lock (_drawing)
            terminal.WriteLine();
        return result;
    }

    private void Draw()
    {
        string line = Line(Volatile.Read(ref _latest), TerminalWidth());
        lock (_drawing)
        {
            terminal.Write("\r" + line);
            terminal.Flush();
        }
    }

    /// <summary>
    /// "iteration 12/1000  return 187.3/475  2.57 M/s  3.1/600 s  [#####...........]": both
    /// budgets as used/allowed, steady and plain about which one is closer; cut to the terminal's
    /// width so it never wraps.
    /// </summary>
    public string Line(UpdateReport? r, int width)
    {
        string text = r is null
            ? $"{updates} 0/{training.MaxUpdates}  starting"
            : string.Create(CultureInfo.InvariantCulture,
                $"{updates} {r.Update}/{training.MaxUpdates}  return {r.RunningMeanReturn:F1}/{training.TargetReturn:G}  {r.EnvStepsPerSecond / 1e6:F2} M/s  {r.ElapsedSeconds:F1}/{training.MaxSeconds:G} s");
        double fraction = r is null || training.TargetReturn <= 0 ? 0 : Math.Clamp(r.RunningMeanReturn / training.TargetReturn, 0, 1);
        // Padded, so a shorter line rewritten in place leaves nothing of the longer one before it.
        return TerminalText.Fit($"{text}  {TerminalText.Bar(fraction)}", width).PadRight(width - 1);
    }

    /// <summary>The terminal's columns; 80 where it does not say.</summary>
    public static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }
}
