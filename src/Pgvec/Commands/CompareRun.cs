using Pgvec.CommandLine;
using Pgvec.Options;
using PolicyGradient.Reporting.Plots;
using PolicyGradient.Output;

namespace Pgvec.Commands;

/// <summary>`pgvec compare`: the baseline, then batched training, same seed, objective and time budget.</summary>
internal static class CompareRun
{
    public const string ComparisonFile = "compare.json";

    public static int Execute(CompareOptions options, TextWriter stdout, TextWriter stderr)
    {
        var directory = RunDirectory.ForNewRun(options.VerbName, options.Out, options.Overwrite);
        FewEnvsWarning.WarnIfFew(options.Envs, options.LearningRate!.Value, stderr);
        return TrainingExit.Of(Run(options, RunContext.Of(options, directory, stdout, stderr)));
    }

    /// <summary>Runs both halves and writes the comparison; returns whether an interrupt ended it (then without the batched half or the comparison).</summary>
    private static bool Run(CompareOptions options, RunContext context)
    {
        RunDirectory baselineDirectory = context.Directory.Inside("baseline"), batchedDirectory = context.Directory.Inside("batched");
        var baselineMetadata = CheckpointMetadata.Of(VerbSpec.Named("baseline")!, options);
        baselineMetadata["lr"] = CheckpointMetadata.Text(options.BaselineLearningRate);
        CompletedRun baseline = BaselineRun.Run(options.Training(options.MaxEpisodes) with { LearningRate = options.BaselineLearningRate },
            new RunCheckpoints(baselineDirectory, baselineMetadata),
            Half(context, baselineDirectory, "baseline", options.BaselineLearningRate));
        // An interrupt ends the whole command: no batched half, no comparison of a run with none.
        if (baseline.Summary.Interrupted)
            return true;
        Interruption.Reopen();
        // The batched half keeps the train verb's options, so `train --resume DIR/batched` continues it.
        CompletedRun batched = BatchedRun.Run(options.Settings, options.Training(options.MaxIterations),
            new RunCheckpoints(batchedDirectory, CheckpointMetadata.Of(VerbSpec.Named("train")!, options)),
            Half(context, batchedDirectory, "train", options.LearningRate!.Value));

        var comparison = ComparisonSummary.Of(baseline.Summary, batched.Summary);
        string path = Path.Combine(context.Directory.Path, ComparisonFile);
        JsonFile.Write(path, comparison);
        LearningCurvePlot.Save(Path.Combine(context.Directory.Path, LearningCurvePlot.CompareFileName), [baseline.Curve, batched.Curve],
            options.TargetReturn!.Value, "pgvec compare");
        ComparisonTable.Print(comparison, context.Stdout);
        context.Stdout.WriteLine(path);
        return batched.Summary.Interrupted;
    }

    /// <summary>
    /// One half's context: its own directory, and config.json naming the verb it ran as and the
    /// options it ran with (the half's learning rate, not the other's), as its policy's metadata does.
    /// </summary>
    private static RunContext Half(RunContext context, RunDirectory directory, string verb, double learningRate) =>
        context with
        {
            Directory = directory,
            Verb = verb,
            Options = VerbSpec.Named(verb)!.Options.Where(o => context.Options.ContainsKey(o.LongName))
                .ToDictionary(o => o.LongName, o => o.LongName == "lr" ? learningRate : context.Options[o.LongName]),
        };
}
