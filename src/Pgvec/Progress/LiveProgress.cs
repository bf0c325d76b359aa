using System.Globalization;
using PolicyGradient.Training;
using Spectre.Console;

namespace Pgvec.Progress;

/// <summary>
/// On a terminal: one live bar of the watched mean return against the target, with the update
/// count, env-steps/s, elapsed time and when the time or update budget runs out.
/// </summary>
public sealed class LiveProgress(TrainingOptions training, string updates) : IProgressDisplay
{
    public T Track<T>(Func<Action<UpdateReport>, T> train) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn())
            .Start(context =>
            {
                var task = context.AddTask(Describe(null), maxValue: training.TargetReturn);
                T result = train(r =>
                {
                    task.Value = Math.Clamp(r.RunningMeanReturn, 0, training.TargetReturn);
                    task.Description = Describe(r);
                    context.Refresh();
                });
                task.StopTask();
                return result;
            });

    private string Describe(UpdateReport? r)
    {
        if (r is null)
            return $"{updates} 0, starting";
        double perUpdate = r.ElapsedSeconds / r.Update;
        double budgetLeft = Math.Min(training.MaxSeconds - r.ElapsedSeconds, (training.MaxUpdates - r.Update) * perUpdate);
        return Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{updates} {r.Update}  mean return {r.RunningMeanReturn:F1} / {training.TargetReturn:G}  {r.EnvStepsPerSecond:N0} env-steps/s  {r.ElapsedSeconds:F1} s  budget ends in <= {Math.Max(0, budgetLeft):F0} s"));
    }
}
