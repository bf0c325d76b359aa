using Pgvec.Progress;
using PolicyGradient.Training;

namespace Pgvec.Commands;

/// <summary>What every training run needs from its verb besides the training options: config.json's content and how to show progress.</summary>
public sealed record RunOptions(string Verb, IReadOnlyDictionary<string, object?> Options, bool Quiet)
{
    /// <summary>A live bar on an interactive terminal, plain lines when redirected, nothing with --quiet.</summary>
    public IProgressDisplay Progress(TextWriter stdout, TrainingOptions training, bool perEpisode)
    {
        if (Quiet)
            return new QuietProgress();
        return IsTerminal(stdout)
            ? new LiveProgress(training, perEpisode ? "episode" : "iteration")
            : new ProgressLog(stdout, perEpisode);
    }

    /// <summary>Whether a live display can redraw in place: stdout is the process's own, and a terminal.</summary>
    public static bool IsTerminal(TextWriter stdout) =>
        ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected && !Console.IsErrorRedirected;
}
