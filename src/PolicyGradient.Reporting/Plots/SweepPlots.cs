using PolicyGradient.Output;
using PolicyGradient.Statistics;
using PolicyGradient.Sweeps;
using ScottPlot;

namespace PolicyGradient.Reporting.Plots;

/// <summary>
/// sweep.png: per configuration, the median over its agents of the mean return at each iteration,
/// with the band between the 25th and 75th percentiles (an agent that stopped, solved or not,
/// keeps its last return); one panel per environment. solved.png: per configuration, the fraction of its agents solved
/// within a given number of env-steps.
/// </summary>
internal static class SweepPlots
{
    public const string ReturnsFileName = "sweep.png";
    public const string SolvedFileName = "solved.png";

    /// <summary>
    /// Draws sweep.png unless no agent trained an iteration: one panel per environment that trained
    /// one (returns of different environments share no scale), each with its own target.
    /// Returns whether it drew.
    /// </summary>
    /// <param name="targetReturns">Each environment's target, in the grid's order of environments.</param>
    public static bool SaveReturns(string directory, AgentGrid grid, SweepHistory history, IReadOnlyList<double> targetReturns)
    {
        Plot[] panels = [.. grid.Environments.Select((environment, e) => ReturnsPanel(grid, history, environment, targetReturns[e])).OfType<Plot>()];
        if (panels.Length == 0)
            return false;
        var figure = new Multiplot();
        figure.Reset(panels[0]);
        foreach (Plot panel in panels.Skip(1))
            figure.AddPlot(panel);
        int height = panels.Length == 1 ? 620 : 480 * panels.Length;
        AtomicFile.Write(Path.Combine(directory, ReturnsFileName), temporary => figure.SavePng(temporary, 1000, height));
        return true;
    }

    /// <summary>One environment's configurations; null when none of its agents trained an iteration.</summary>
    private static Plot? ReturnsPanel(AgentGrid grid, SweepHistory history, Environment.EnvironmentDefinition environment, double targetReturn)
    {
        var plot = new Plot();
        bool drawn = false;
        double lowest = Math.Min(0, targetReturn), highest = Math.Max(0, targetReturn);
        for (int c = 0; c < grid.Configurations.Count; c++)
        {
            if (grid.Configurations[c].Environment != environment)
                continue;
            AgentPoint[][] agents = [.. grid.AgentsOf(c).Select(a => history.Of(a).ToArray()).Where(p => p.Length > 0)];
            if (agents.Length == 0)
                continue;
            int iterations = agents.Max(a => a.Length);
            var xs = new double[iterations];
            var median = new double[iterations];
            var low = new double[iterations];
            var high = new double[iterations];
            for (int i = 0; i < iterations; i++)
            {
                double[] returns = [.. agents.Select(a => a[Math.Min(i, a.Length - 1)].MeanReturn)];
                xs[i] = i + 1;
                median[i] = SampleStatistics.Median(returns);
                low[i] = SampleStatistics.Percentile(returns, 25);
                high[i] = SampleStatistics.Percentile(returns, 75);
            }
            lowest = Math.Min(lowest, low.Min());
            highest = Math.Max(highest, high.Max());
            Color color = plot.Add.Palette.GetColor(c);
            var band = plot.Add.FillY(xs, low, high);
            band.FillColor = color.WithAlpha(0.25);
            band.LineWidth = 0;
            var line = plot.Add.ScatterLine(xs, median, color);
            line.LineWidth = 2;
            line.LegendText = $"{grid.Configurations[c].Label} ({agents.Length} agent{(agents.Length == 1 ? "" : "s")})";
            drawn = true;
        }
        if (!drawn)
            return null;
        AddTarget(plot, targetReturn);
        plot.Title(grid.Environments.Count == 1
            ? "median mean return over each configuration's agents, interquartile band"
            : $"{environment.Id}: median mean return over each configuration's agents, interquartile band");
        plot.XLabel("iteration");
        plot.YLabel("mean return");
        // From zero (CartPole's worst, Acrobot's and MountainCar's best) past the target and every band, so the scale is the environment's.
        double margin = Math.Max(1, highest - lowest) * 0.05;
        plot.Axes.SetLimitsY(lowest - (lowest < 0 ? margin : 0), highest + margin);
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    /// <summary>Draws solved.png unless no agent finished (every one interrupted): a plot of nothing has made-up axes. Returns whether it drew.</summary>
    public static bool SaveSolved(string directory, AgentGrid grid, IReadOnlyList<Training.TrainingOutcome> outcomes)
    {
        var plot = new Plot();
        bool drawn = false;
        double widest = Math.Max(1, outcomes.Count == 0 ? 0 : outcomes.Max(o => (double)o.EnvSteps));
        for (int c = 0; c < grid.Configurations.Count; c++)
        {
            var finished = grid.AgentsOf(c).Where(a => a < outcomes.Count && !outcomes[a].Interrupted).ToArray();
            if (finished.Length == 0)
                continue;
            double[] solvedAt = [.. finished.Where(a => outcomes[a].Solved).Select(a => (double)outcomes[a].EnvSteps).Order()];
            double[] xs = [0, .. solvedAt, widest];
            double[] ys = [0, .. solvedAt.Select((_, i) => (i + 1.0) / finished.Length), (double)solvedAt.Length / finished.Length];
            var line = plot.Add.ScatterLine(xs, ys, plot.Add.Palette.GetColor(c));
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.LineWidth = 2;
            line.LegendText = $"{grid.Configurations[c].Label} ({finished.Length} agent{(finished.Length == 1 ? "" : "s")})";
            drawn = true;
        }
        if (!drawn)
            return false;
        plot.Title("fraction of agents solved within a number of env-steps");
        plot.XLabel("env-steps");
        plot.YLabel("fraction of agents solved");
        plot.Axes.SetLimitsY(0, 1.05);
        plot.ShowLegend(Alignment.LowerRight);
        AtomicFile.Write(Path.Combine(directory, SolvedFileName), temporary => plot.SavePng(temporary, 1000, 620));
        return true;
    }

    private static void AddTarget(Plot plot, double targetReturn)
    {
        var target = plot.Add.HorizontalLine(targetReturn);
        target.LegendText = $"target {targetReturn:G}";
        target.LinePattern = LinePattern.Dashed;
        target.Color = Colors.Gray;
    }
}
