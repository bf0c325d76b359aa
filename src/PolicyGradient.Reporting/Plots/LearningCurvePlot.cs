using PolicyGradient.Output;
using PolicyGradient.Training;
using ScottPlot;

namespace PolicyGradient.Reporting.Plots;

/// <summary>learning-curve.png and compare.png: mean return against env-steps and against wall-clock, with the target drawn.</summary>
public static class LearningCurvePlot
{
    internal const string FileName = "learning-curve.png";
    internal const string CompareFileName = "compare.png";

    /// <summary>
    /// Draws a <see cref="Trainer.Train{TEnvironment}"/> run as a PNG, as `pgvec train` draws its
    /// learning-curve.png: each iteration's mean return against env-steps and against seconds of
    /// training, with <paramref name="targetReturn"/> as a dashed line where one is given.
    /// </summary>
    /// <exception cref="ArgumentException">No iteration ran: a plot of nothing has made-up axes.</exception>
    public static void Save(string path, TrainingResult result, double? targetReturn = null)
    {
        if (result.Iterations.Count == 0)
            throw new ArgumentException("no iteration ran: there is no curve to draw", nameof(result));
        var curve = new LearningCurve(result.EnvironmentId, LearningCurve.IterationMeanReturn,
            [.. result.Iterations.Select(i => (double)i.TotalEnvSteps)], [.. result.Iterations.Select(i => i.ElapsedSeconds)], [.. result.Iterations.Select(i => i.MeanReturn)]);
        Save(path, [curve], targetReturn, result.EnvironmentId);
    }

    /// <summary>Draws a run's learning-curve.png into its directory; returns its path, or null when no update was recorded (a plot of nothing has made-up axes).</summary>
    internal static string? SaveRun(string directory, LearningCurve curve, double targetReturn, string title)
    {
        if (curve.MeanReturn.Length == 0)
            return null;
        string path = Path.Combine(directory, FileName);
        Save(path, [curve], targetReturn, title);
        return path;
    }

    internal static void Save(string path, IReadOnlyList<LearningCurve> curves, double? targetReturn, string title)
    {
        var figure = new Multiplot();
        figure.AddPlots(2);
        figure.Layout = new ScottPlot.MultiplotLayouts.Columns();
        Draw(figure.GetPlot(0), curves, c => c.EnvSteps, "env-steps", targetReturn, $"{title}: return against env-steps");
        Draw(figure.GetPlot(1), curves, c => c.Seconds, "seconds of training", targetReturn, $"{title}: return against wall-clock");
        AtomicFile.Write(path, temporary => figure.SavePng(temporary, 1400, 520));
    }

    /// <summary>
    /// What the y axis measures: one mean, or (compare.png: the baseline's last 100 episodes
    /// against an iteration's episodes) each of the different means, named as different.
    /// </summary>
    internal static string YLabel(IReadOnlyList<LearningCurve> curves)
    {
        string[] meanings = [.. curves.Select(c => c.ReturnMeaning).Distinct()];
        return meanings.Length == 1
            ? meanings[0]
            : "different measures: " + string.Join("; ", curves.Select(c => $"{c.Label}: {c.ReturnMeaning}"));
    }

    /// <summary>The same in every picture, and unlike any curve's colour.</summary>
    private static readonly Color TargetColor = Colors.Black;

    /// <summary>Room right of the last x tick, whose label is centred on the plot's edge.</summary>
    private const float RightMargin = 48;

    private static void Draw(Plot plot, IReadOnlyList<LearningCurve> curves, Func<LearningCurve, double[]> x, string xLabel, double? targetReturn, string title)
    {
        foreach (var curve in curves)
        {
            var line = plot.Add.ScatterLine(x(curve), curve.MeanReturn);
            line.LegendText = curves.Select(c => c.ReturnMeaning).Distinct().Count() == 1 ? curve.Label : $"{curve.Label} ({curve.ReturnMeaning})";
            line.LineWidth = 2;
        }
        if (targetReturn is double t)
        {
            var target = plot.Add.HorizontalLine(t);
            target.LegendText = $"target {t:G}";
            target.LinePattern = LinePattern.Dashed;
            target.Color = TargetColor;
        }
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(YLabel(curves));
        // From zero (CartPole's worst return, Acrobot's and MountainCar's best) past the target and every point, so the scale is the environment's.
        double[] shown = [0, .. curves.SelectMany(c => c.MeanReturn).Where(double.IsFinite), .. targetReturn is double u ? [u] : Array.Empty<double>()];
        double margin = Math.Max(1, shown.Max() - shown.Min()) * 0.05;
        plot.Axes.SetLimitsY(shown.Min() - (shown.Min() < 0 ? margin : 0), shown.Max() + margin);
        plot.Axes.Right.MinimumSize = RightMargin;
        // Below the axes, so it never hides the end of a curve.
        plot.ShowLegend(Edge.Bottom);
    }
}
