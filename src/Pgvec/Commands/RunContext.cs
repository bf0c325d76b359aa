using Pgvec.Options;
using Pgvec.Progress;
using PolicyGradient.Training;

namespace Pgvec.Commands;

/// <summary>
/// What every training run needs besides its training options: the verb and its options for
/// config.json, where it writes, how it shows progress, and the streams it prints to.
/// </summary>
internal sealed record RunContext(string Verb, IReadOnlyDictionary<string, object?> Options, bool Quiet, RunDirectory Directory,
    TextWriter Stdout, TextWriter Stderr)
{
    public static RunContext Of(RunDirectoryOptions options, RunDirectory directory, TextWriter stdout, TextWriter stderr) =>
        new(options.VerbName, options.OptionValues, options.Quiet, directory, stdout, stderr);

    /// <summary>The options as config.json records them: --out is the directory the run claimed and writes (a compare half's own).</summary>
    public IReadOnlyDictionary<string, object?> ConfigOptions =>
        new Dictionary<string, object?>(Options) { ["out"] = Directory.Path };

    /// <summary>Whether a live display can redraw in place: stdout is the process's own, and a terminal.</summary>
    public bool IsTerminal => ReferenceEquals(Stdout, Console.Out) && !Console.IsOutputRedirected && !Console.IsErrorRedirected;

    /// <summary>A live bar on an interactive terminal, plain lines when redirected, nothing with --quiet.</summary>
    public IProgressDisplay Progress(TrainingOptions training, bool perEpisode)
    {
        if (Quiet)
            return new QuietProgress();
        return IsTerminal
            ? new LiveProgress(training, perEpisode ? "episode" : "iteration", Stdout)
            : new ProgressLog(Stdout, perEpisode);
    }
}
