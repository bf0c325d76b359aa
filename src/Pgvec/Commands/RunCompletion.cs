using System.Globalization;
using PolicyGradient.Output;
using PolicyGradient.Training;

namespace Pgvec.Commands;

/// <summary>What every training run does once its loop ends: greedy evaluation, summary.json, the final line.</summary>
public static class RunCompletion
{
    public const int GreedyEpisodes = 100;
    public const string SummaryFile = "summary.json";

    /// <summary>Where and how a run trained: the summary's first fields.</summary>
    public sealed record RunIdentity(string Mode, string Device, string DeviceName, int Envs);

    public static RunSummary Finish(RunIdentity run, TrainingOptions training, TrainingOutcome outcome,
        double setupSeconds, string directory, TextWriter stdout)
    {
        double greedy = GreedyEvaluation.MeanReturn(outcome.Policy, GreedyEpisodes, training.Seed);
        var summary = new RunSummary(
            run.Mode, run.Device, run.DeviceName, run.Envs, training.Seed, training.Objective.Name(),
            outcome.Solved, outcome.Updates, outcome.Episodes, outcome.EnvSteps,
            setupSeconds, outcome.WallSeconds, outcome.SecondsToSolve,
            outcome.WallSeconds > 0 ? outcome.EnvSteps / outcome.WallSeconds : 0.0,
            outcome.FinalMeanReturn, greedy, outcome.Interrupted);
        string path = Path.Combine(directory, SummaryFile);
        SummaryJson.Write(path, summary);

        string updates = run.Mode == RunSummary.BatchedMode ? "iterations" : "episodes";
        string verdict = summary.SecondsToSolve is double seconds
            ? string.Create(CultureInfo.InvariantCulture, $"solved in {seconds:F2} s")
            : string.Create(CultureInfo.InvariantCulture, $"not solved (target {training.TargetReturn})");
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{run.Mode}: {verdict} after {summary.Iterations} {updates}, {summary.EnvSteps:N0} env-steps ({summary.EnvStepsPerSecond:N0}/s); final mean return {summary.FinalMeanReturn:F1}, greedy {summary.GreedyEvalMeanReturn:F1} over {GreedyEpisodes} episodes; set-up {summary.SetupSeconds:F2} s; {path}"));
        return summary;
    }
}
