using PolicyGradient.Training;
using CommandLine;
using Pgvec.Commands;
using Pgvec.CommandLine;

namespace Pgvec.Options;

[OptionHelp("lr", "(Default: 0.01, the tutorial's) Adam learning rate.")]
[OptionHelp("out", "(Default: runs/baseline-yyyyMMdd-HHmmss-fff, a fresh one) The run directory: config.json, metrics.csv, events.out.tfevents.*, learning-curve.png, summary.json and policy.safetensors.")]
[Verb("baseline", HelpText = "The single-env baseline (the tutorial's algorithm): one environment on the host, one Adam update per episode.")]
internal sealed class BaselineOptions : TrainingRunOptions, ICommand
{
    public const int DefaultMaxEpisodes = 5000;

    protected override double DefaultLearningRate => TrainingOptions.TutorialLearningRate;

    [Option("max-episodes", Default = DefaultMaxEpisodes, HelpText = "Stop after this many episodes.")]
    [IntegerRange(1, int.MaxValue)]
    public int MaxEpisodes { get; set; }

    public int Execute(TextWriter stdout, TextWriter stderr) => BaselineRun.Execute(this, stdout, stderr);
}
