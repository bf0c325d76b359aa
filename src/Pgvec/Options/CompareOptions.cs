using PolicyGradient.Training;
using CommandLine;
using Pgvec.Commands;
using Pgvec.CommandLine;

namespace Pgvec.Options;

[Verb("compare", HelpText = "Runs baseline, then train, with the same seed, objective and time budget; prints a table and writes compare.json.")]
public sealed class CompareOptions : BatchedOptions, ICommand
{
    // The baseline's own option; C# has one base class, and this verb's is the batched runs'.
    [Option("max-episodes", Default = BaselineOptions.DefaultMaxEpisodes, HelpText = "Stop the baseline after this many episodes.")]
    [IntegerRange(1, int.MaxValue)]
    public int MaxEpisodes { get; set; }

    /// <summary>The baseline run's learning rate: --lr where given, else the baseline's own default, so each trainer runs with its defaults.</summary>
    public double BaselineLearningRate => LearningRateGiven ? LearningRate!.Value : TrainingOptions.TutorialLearningRate;

    public int Execute(TextWriter stdout, TextWriter stderr) => CompareRun.Execute(this, stdout, stderr);
}
