using PolicyGradient.Statistics;
using PolicyGradient.Training;

namespace PolicyGradient.Sweeps;

/// <summary>The median and the interquartile mean of one measure over a configuration's agents, each with its bootstrap interval.</summary>
internal sealed record MeasureStatistics(Estimate Median, Estimate InterquartileMean)
{
    public static MeasureStatistics Of(IReadOnlyList<double> values) => new(
        BootstrapInterval.Of(values, SampleStatistics.Median),
        BootstrapInterval.Of(values, SampleStatistics.InterquartileMean));
}

/// <summary>
/// How one configuration's agents did: the fraction that solved, and iterations, env-steps and
/// seconds to solve. An agent that did not solve counts as the budget it used up: the
/// iterations, env-steps and training seconds it had run when its iteration or time budget
/// ended (so a configuration that rarely solves cannot look fast). Agents stopped by an
/// interrupt finished neither way and are left out.
/// </summary>
internal sealed record ConfigurationStatistics(
    int AgentsFinished,
    int Solved,
    double SolvedFraction,
    MeasureStatistics Iterations,
    MeasureStatistics EnvSteps,
    MeasureStatistics SecondsToSolve)
{
    public const string UnsolvedNote =
        "an agent that did not solve counts as the budget it used up: the iterations, env-steps and training seconds it had run when its budget ended; interrupted agents are left out";

    /// <returns>Null when none of <paramref name="outcomes"/> finished (an interrupted sweep).</returns>
    public static ConfigurationStatistics? Of(IEnumerable<TrainingOutcome> outcomes)
    {
        TrainingOutcome[] finished = [.. outcomes.Where(o => !o.Interrupted)];
        if (finished.Length == 0)
            return null;
        int solved = finished.Count(o => o.Solved);
        return new ConfigurationStatistics(
            finished.Length,
            solved,
            (double)solved / finished.Length,
            MeasureStatistics.Of([.. finished.Select(o => (double)o.Updates)]),
            MeasureStatistics.Of([.. finished.Select(o => (double)o.EnvSteps)]),
            MeasureStatistics.Of([.. finished.Select(o => o.SecondsToSolve ?? o.WallSeconds)]));
    }
}
