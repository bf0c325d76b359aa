using System.Globalization;
using PolicyGradient.Sweeps;
using Spectre.Console;

namespace Pgvec.Progress;

/// <summary>
/// On a terminal: one live display, a bar per configuration filling as its agents solve, under a
/// line with agents solved / total, the latest iteration, env-steps/s and elapsed time; redrawn a
/// few times a second at most, however fast iterations come.
/// </summary>
public sealed class SweepLiveProgress(SweepTally tally) : ISweepProgress
{
    private const double SecondsBetweenRedraws = 0.2;

    public T Track<T>(Func<Action<AgentIteration>, T> train) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn())
            .Start(context =>
            {
                AgentGrid grid = tally.Grid;
                var total = context.AddTask(Overall(), maxValue: grid.Agents.Count);
                var configurations = grid.Configurations
                    .Select((c, i) => context.AddTask(Markup.Escape(Configuration(i)), maxValue: grid.Seeds.Count))
                    .ToArray();
                double drawnAt = double.NegativeInfinity;
                void Draw()
                {
                    total.Value = tally.Solved;
                    total.Description = Overall();
                    for (int i = 0; i < configurations.Length; i++)
                    {
                        configurations[i].Value = tally.SolvedIn(i);
                        configurations[i].Description = Markup.Escape(Configuration(i));
                    }
                    context.Refresh();
                    drawnAt = tally.Seconds;
                }
                T result = train(iteration =>
                {
                    tally.Count(iteration);
                    if (tally.Seconds - drawnAt >= SecondsBetweenRedraws)
                        Draw();
                });
                Draw();
                total.StopTask();
                return result;
            });

    private string Overall() => string.Create(CultureInfo.InvariantCulture,
        $"{tally.Solved}/{tally.Grid.Agents.Count} agents solved  iteration {tally.Iteration}  {tally.EnvStepsPerSecond:N0} env-steps/s  {tally.Seconds:F1} s");

    private string Configuration(int configuration) =>
        $"  {tally.Grid.Configurations[configuration].Label}: {tally.SolvedIn(configuration)}/{tally.Grid.Seeds.Count} solved";
}
