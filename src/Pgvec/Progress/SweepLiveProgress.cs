using System.Globalization;
using System.Text;
using PolicyGradient.Sweeps;

namespace Pgvec.Progress;

/// <summary>
/// On a terminal: one live display, a line with agents solved / total, the latest iteration,
/// env-steps/s and elapsed time, and a bar per configuration filling as its agents solve. As
/// <see cref="LiveProgress"/> does, the training thread only counts; a timer thread redraws the
/// display in place a few times a second with one write.
/// </summary>
internal sealed class SweepLiveProgress(SweepTally tally, TextWriter terminal) : ISweepProgress
{
    /// <summary>More configurations than this are summed up in one line rather than each drawn.</summary>
    private const int MaxConfigurationLines = 12;

    private readonly Lock _counting = new();
    private readonly Lock _drawing = new();
    private int _linesDrawn;

    public T Track<T>(Func<Action<AgentIteration>, T> train)
    {
        Draw();
        T result;
        using (new Timer(_ => Draw(), null, LiveProgress.RefreshInterval, LiveProgress.RefreshInterval))
        {
            result = train(iteration =>
            {
                lock (_counting)
                    tally.Count(iteration);
            });
        }
        Draw();
        return result;
    }

    private void Draw()
    {
        string[] lines;
        lock (_counting)
            lines = Lines();
        int width = LiveProgress.TerminalWidth();
        var text = new StringBuilder();
        lock (_drawing)
        {
            // Back to the display's first line, then each line rewritten and cleared to its end.
            if (_linesDrawn > 0)
                text.Append(CultureInfo.InvariantCulture, $"\u001b[{_linesDrawn}A");
            foreach (string line in lines)
                text.Append('\r').Append(TerminalText.Fit(line, width)).Append("\u001b[K\n");
            terminal.Write(text.ToString());
            terminal.Flush();
            _linesDrawn = lines.Length;
        }
    }

    private string[] Lines()
    {
        AgentGrid grid = tally.Grid;
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"{tally.Solved}/{grid.Agents.Count} agents solved  iteration {tally.Iteration}  {tally.EnvStepsPerSecond / 1e6:F2} M env-steps/s  {tally.Seconds:F1} s"),
        };
        int shown = grid.Configurations.Count <= MaxConfigurationLines ? grid.Configurations.Count : MaxConfigurationLines - 1;
        for (int i = 0; i < shown; i++)
        {
            int solved = tally.SolvedIn(i);
            lines.Add($"  {TerminalText.Bar((double)solved / grid.Seeds.Count)} {solved}/{grid.Seeds.Count} solved  {grid.Configurations[i].Label}");
        }
        if (shown < grid.Configurations.Count)
        {
            int rest = Enumerable.Range(shown, grid.Configurations.Count - shown).Sum(tally.SolvedIn);
            lines.Add($"  ... {Commands.Plural.Of(grid.Configurations.Count - shown, "more configuration")}: {rest}/{(grid.Configurations.Count - shown) * grid.Seeds.Count} solved");
        }
        return [.. lines];
    }
}
