using System.Globalization;
using PolicyGradient.Training;
using Spectre.Console;

namespace Pgvec.Progress;

/// <summary>
/// On a terminal: one live bar of the watched mean return against the target, with the updates
/// and seconds used of their budgets and env-steps/s. The training thread only hands over its
/// latest report; drawing happens on other threads a few times a second, so the display never
/// sits in the timed loop.
/// </summary>
public sealed class LiveProgress(TrainingOptions training, string updates) : IProgressDisplay
{
    /// <summary>How often the bar is redrawn: often enough to watch, rarely enough to cost nothing.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(250);

    private const int BarWidth = 16;

    private UpdateReport? _latest;

    public T Track<T>(Func<Action<UpdateReport>, T> train)
    {
        Spectre.Console.Progress display = AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .AutoRefresh(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = BarWidth });
        display.RefreshRate = RefreshInterval;
        return display.Start(context =>
        {
            var task = context.AddTask(Describe(null), maxValue: training.TargetReturn);
            // Drawn once before the clock starts: the first drawing compiles Spectre's rendering
            // code, which would otherwise compete with the first iterations for the CPU.
            context.Refresh();
            T result;
            // The values are copied on a timer thread, the bar drawn on Spectre's: the training thread only stores its report.
            using (new Timer(_ => Show(task), null, RefreshInterval, RefreshInterval))
                result = train(r => Volatile.Write(ref _latest, r));
            Show(task);
            task.StopTask();
            return result;
        });
    }

    private void Show(ProgressTask task)
    {
        if (Volatile.Read(ref _latest) is not { } r)
            return;
        task.Value = Math.Clamp(r.RunningMeanReturn, 0, training.TargetReturn);
        task.Description = Describe(r);
    }

    /// <summary>
    /// "iteration 12/1000  return 187.3/475  2.57 M/s  3.1/600 s": both budgets as used/allowed,
    /// steady and plain about which one is closer; cut to fit the terminal beside the bar.
    /// </summary>
    private string Describe(UpdateReport? r)
    {
        string text = r is null
            ? $"{updates} 0/{training.MaxUpdates}, starting"
            : string.Create(CultureInfo.InvariantCulture,
                $"{updates} {r.Update}/{training.MaxUpdates}  return {r.RunningMeanReturn:F1}/{training.TargetReturn:G}  {r.EnvStepsPerSecond / 1e6:F2} M/s  {r.ElapsedSeconds:F1}/{training.MaxSeconds:G} s");
        int room = Math.Max(20, AnsiConsole.Profile.Width - BarWidth - 2);
        return Markup.Escape(text.Length <= room ? text : text[..room]);
    }
}
