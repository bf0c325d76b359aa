using ScottPlot;

namespace PolicyGradient.Output;

/// <summary>One training run's curve: mean return after each update, against env-steps and against seconds.</summary>
public sealed record LearningCurve(string Label, double[] EnvSteps, double[] Seconds, double[] MeanReturn);

/// <summary>learning-curve.png and compare.png: mean return against env-steps and against wall-clock, with the target drawn.</summary>
public static class LearningCurvePlot
{
    public const string FileName = "learning-curve.png";
    public const string CompareFileName = "compare.png";

    public static void Save(string path, IReadOnlyList<LearningCurve> curves, double targetReturn, string title)
    {
        var figure = new Multiplot();
        figure.AddPlots(2);
        figure.Layout = new ScottPlot.MultiplotLayouts.Columns();
        Draw(figure.GetPlot(0), curves, c => c.EnvSteps, "env-steps", targetReturn, $"{title}: return against env-steps");
        Draw(figure.GetPlot(1), curves, c => c.Seconds, "seconds of training", targetReturn, $"{title}: return against wall-clock");
        AtomicFile.Write(path, temporary => figure.SavePng(temporary, 1400, 520));
    }

    private static void Draw(Plot plot, IReadOnlyList<LearningCurve> curves, Func<LearningCurve, double[]> x, string xLabel, double targetReturn, string title)
    {
        foreach (var curve in curves)
        {
            var line = plot.Add.ScatterLine(x(curve), curve.MeanReturn);
            line.LegendText = curve.Label;
            line.LineWidth = 2;
        }
        var target = plot.Add.HorizontalLine(targetReturn);
        target.LegendText = $"target {targetReturn:G}";
        target.LinePattern = LinePattern.Dashed;
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel("mean return");
        plot.Axes.SetLimitsY(0, Math.Max(510, targetReturn * 1.05));
        plot.ShowLegend(Alignment.LowerRight);
    }
}
