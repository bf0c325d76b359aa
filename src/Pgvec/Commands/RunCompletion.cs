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
    /// <param name="Processes">Data-parallel ranks sharing the envs (1: alone).</param>
    public sealed record RunIdentity(string Mode, string Device, string DeviceName, int Envs, int Processes = 1);

    public static RunSummary Finish(RunIdentity run, TrainingOptions training, TrainingOutcome outcome,
        double setupSeconds, string directory, TextWriter stdout)
    {
        double greedy = GreedyEvaluation.MeanReturn(outcome.Policy, training.Environment, GreedyEpisodes, training.Seed);
        var summary = new RunSummary(
            Mode: run.Mode,
            Device: run.Device,
            DeviceName: run.DeviceName,
            Envs: run.Envs,
            Seed: training.Seed,
            Objective: training.Objective.Name(),
            Solved: outcome.Solved,
            Iterations: outcome.Updates,
            Episodes: outcome.Episodes,
            EnvSteps: outcome.EnvSteps,
            SetupSeconds: setupSeconds,
            WallSeconds: outcome.WallSeconds,
            SecondsToSolve: outcome.SecondsToSolve,
            EnvStepsPerSecond: outcome.WallSeconds > 0 ? outcome.EnvSteps / outcome.WallSeconds : 0.0,
            FinalMeanReturn: outcome.FinalMeanReturn,
            GreedyEvalMeanReturn: greedy,
            Interrupted: outcome.Interrupted,
            Processes: run.Processes,
            CommunicationSeconds: outcome.CommunicationSeconds);
        JsonFile.Write(Path.Combine(directory, SummaryFile), summary);
        stdout.WriteLine(Line(summary, training, directory));
        return summary;
    }

    /// <summary>
    /// One line, short enough not to wrap on a wide terminal: the verdict and what stopped the run,
    /// the work done, the returns, and where the rest is.
    /// </summary>
    private static string Line(RunSummary summary, TrainingOptions training, string directory)
    {
        bool batched = summary.Mode == RunSummary.BatchedMode;
        string updates = Plural.Of(summary.Iterations, batched ? "iteration" : "episode");
        string verdict = summary.SecondsToSolve is double seconds
            ? string.Create(CultureInfo.InvariantCulture, $"solved in {seconds:F2} s after {updates}")
            : string.Create(CultureInfo.InvariantCulture, $"not solved (target {training.TargetReturn:G}) after {updates}: {StopReason(summary, training, batched)}");
        return string.Create(CultureInfo.InvariantCulture,
            $"{summary.Mode}: {verdict}; {summary.EnvSteps:N0} env-steps ({summary.EnvStepsPerSecond:N0}/s); mean return {summary.FinalMeanReturn:F1}, greedy {summary.GreedyEvalMeanReturn:F1}; {directory}");
    }

    private static string StopReason(RunSummary summary, TrainingOptions training, bool batched) =>
        summary.Interrupted ? "interrupted"
        : summary.Iterations >= training.MaxUpdates ? $"--{(batched ? "max-iterations" : "max-episodes")} {training.MaxUpdates} reached"
        : string.Create(CultureInfo.InvariantCulture, $"time budget --max-seconds {training.MaxSeconds:G} spent");
}
