using System.Globalization;
using PolicyGradient.Output;
using PolicyGradient.Training;

namespace Pgvec.Commands;

/// <summary>What every training run does once its loop ends: greedy evaluation, summary.json, the final line.</summary>
internal static class RunCompletion
{
    public const int GreedyEpisodes = 100;
    public const string SummaryFile = "summary.json";

    /// <summary>Where and how a run trained: the summary's first fields.</summary>
    /// <param name="Processes">Data-parallel ranks sharing the envs (1: alone).</param>
    public sealed record RunIdentity(string Mode, string Device, string DeviceName, int Envs, int Processes = 1);

    public static RunSummary Finish(RunIdentity run, TrainingOptions training, TrainingOutcome outcome,
        double setupSeconds, string directory, TextWriter stdout)
    {
        double? greedy = outcome.Updates > 0 ? GreedyEvaluation.MeanReturn(outcome.Policy, training.Environment, GreedyEpisodes, training.Seed) : null;
        // A stop asked for at any moment before the outcome is written makes the run interrupted,
        // so the summary, the line and the exit code (130) agree whatever the timing.
        bool interrupted = Interruption.Settle() || outcome.Interrupted;
        var work = new WorkDone(outcome.Updates, outcome.Episodes, outcome.EnvSteps, outcome.WallSeconds, outcome.FinalMeanReturn);
        var summary = Summary(run, training, work, outcome.SecondsToSolve, outcome.CommunicationSeconds, setupSeconds, greedy, interrupted, failed: null);
        JsonFile.Write(Path.Combine(directory, SummaryFile), summary);
        stdout.WriteLine(Line(summary, training, directory));
        return summary;
    }

    /// <summary>The updates a run completed, and what they did.</summary>
    public sealed record WorkDone(int Updates, long Episodes, long EnvSteps, double Seconds, double LastMeanReturn);

    /// <summary>
    /// A run that failed (diverged, or quit by a second interrupt) still says so in summary.json,
    /// with the work done and no evaluation of its policy.
    /// </summary>
    public static void Failed(RunIdentity run, TrainingOptions training, WorkDone work, double setupSeconds, string directory,
        string failure, bool interrupted) =>
        JsonFile.Write(Path.Combine(directory, SummaryFile),
            Summary(run, training, work, secondsToSolve: null, communicationSeconds: 0.0, setupSeconds, greedy: null, interrupted, failure));

    private static RunSummary Summary(RunIdentity run, TrainingOptions training, WorkDone work, double? secondsToSolve,
        double communicationSeconds, double setupSeconds, double? greedy, bool interrupted, string? failed) => new(
            Mode: run.Mode,
            Env: training.Environment.Id,
            EnvAssembly: training.Environment.Assembly,
            Device: run.Device,
            DeviceName: run.DeviceName,
            Envs: run.Envs,
            Seed: training.Seed,
            Objective: training.Objective.Name(),
            Solved: secondsToSolve.HasValue,
            Iterations: work.Updates,
            Episodes: work.Episodes,
            EnvSteps: work.EnvSteps,
            SetupSeconds: setupSeconds,
            WallSeconds: work.Seconds,
            SecondsToSolve: secondsToSolve,
            EnvStepsPerSecond: work.Seconds > 0 ? work.EnvSteps / work.Seconds : 0.0,
            // No update, no return: not a made-up 0.
            FinalMeanReturn: work.Updates > 0 ? work.LastMeanReturn : null,
            GreedyEvalMeanReturn: greedy,
            Interrupted: interrupted,
            Processes: run.Processes,
            CommunicationSeconds: communicationSeconds,
            Failed: failed);

    /// <summary>
    /// One line, short enough not to wrap on a wide terminal: the verdict and what stopped the run,
    /// the work done, the returns, and where the rest is.
    /// </summary>
    private static string Line(RunSummary summary, TrainingOptions training, string directory)
    {
        bool batched = summary.Mode == RunSummary.BatchedMode;
        string updates = Plural.Of(summary.Iterations, batched ? "iteration" : "episode");
        string verdict = summary.SecondsToSolve is double seconds
            ? string.Create(CultureInfo.InvariantCulture, $"solved in {seconds:F2} s after {updates}{(summary.Interrupted ? ", then interrupted" : "")}")
            : string.Create(CultureInfo.InvariantCulture, $"not solved ({Target(training.TargetReturn)}) after {updates}: {StopReason(summary, training, batched)}");
        return string.Create(CultureInfo.InvariantCulture,
            $"{summary.Mode}: {verdict}; {summary.EnvSteps:N0} env-steps ({summary.EnvStepsPerSecond:N0}/s); mean return {Return(summary.FinalMeanReturn)}, greedy {Return(summary.GreedyEvalMeanReturn)}; {directory}");
    }

    /// <summary>"target 475"; an environment without a reward_threshold (a user's) and no --target-return has none.</summary>
    private static string Target(double target) =>
        double.IsFinite(target) ? string.Create(CultureInfo.InvariantCulture, $"target {target:G}") : "no target: --target-return not given and the environment declares none";

    private static string Return(double? value) => value is double v ? v.ToString("F1", CultureInfo.InvariantCulture) : "none";

    private static string StopReason(RunSummary summary, TrainingOptions training, bool batched) =>
        summary.Interrupted ? "interrupted"
        : summary.Iterations >= training.MaxUpdates ? $"--{(batched ? "max-iterations" : "max-episodes")} {training.MaxUpdates} reached"
        : summary.EnvSteps >= training.MaxEnvSteps ? $"--max-env-steps {training.MaxEnvSteps} reached"
        : string.Create(CultureInfo.InvariantCulture, $"time budget --max-seconds {training.MaxSeconds:G} spent");
}
