using PolicyGradient.Training;
using CommandLine;
using Pgvec.Commands;
using Pgvec.CommandLine;

namespace Pgvec.Options;

[OptionHelp("lr", "(Default: each run its own verb's: 0.01 for the baseline, train's for the batched run: CartPole-v1 0.1, Acrobot-v1 0.05, MountainCar-v0 0.1, Pendulum-v1 0.03, MountainCarContinuous-v0 0.05) Adam learning rate of both runs when given.")]
[OptionHelp("max-seconds", "Time budget of each run's training loop, in seconds.")]
[OptionHelp("out", "(Default: runs/compare-yyyyMMdd-HHmmss-fff, a fresh one) The comparison's directory: compare.json and compare.png, and each run's own files in baseline/ (as baseline writes them) and batched/ (as train writes them).")]
[Verb("compare", HelpText = "Runs baseline, then train, with the same seed, objective and time budget; prints a table and writes compare.json.")]
internal sealed class CompareOptions : BatchedOptions, ICommand
{
    // The baseline's own option; C# has one base class, and this verb's is the batched runs'.
    [Option("max-episodes", Default = BaselineOptions.DefaultMaxEpisodes, HelpText = "Stop the baseline after this many episodes.")]
    [IntegerRange(1, int.MaxValue)]
    public int MaxEpisodes { get; set; }

    /// <summary>The baseline run's learning rate: --lr where given, else the baseline's own default, so each trainer runs with its defaults.</summary>
    public double BaselineLearningRate => LearningRateGiven ? LearningRate!.Value : TrainingOptions.TutorialLearningRate;

    public int Execute(TextWriter stdout, TextWriter stderr) => CompareRun.Execute(this, stdout, stderr);
}
