using System.Reflection;
using CommandLine;
using Pgvec.CommandLine;
using Pgvec.Commands;

namespace Pgvec.Options;

/// <summary>
/// The options of every verb that trains into a run directory (train, baseline, compare,
/// sweep): the network, the target and time budget, output and progress; and running the verb
/// into its directory.
/// </summary>
public abstract class RunDirectoryOptions : ICommand
{
    [Option("hidden", Default = 32, HelpText = "Hidden units of the 4-H-2 policy network.")]
    [IntegerRange(1, 1024)]
    public int Hidden { get; set; }

    [Option("target-return", Default = 475.0, HelpText = "Solved when the mean return reaches this.")]
    [FiniteNumber]
    public double TargetReturn { get; set; }

    [Option("max-seconds", Default = 600.0, HelpText = "Time budget of the training loop, in seconds.")]
    [FiniteNumber(GreaterThan = 0)]
    public double MaxSeconds { get; set; }

    [Option("quiet", Default = false, HelpText = "Print only the final summary line (no progress).")]
    public bool Quiet { get; set; }

    [Option("overwrite", Default = false, HelpText = "Replace the run already in --out (its files are deleted first) instead of refusing.")]
    public bool Overwrite { get; set; }

    [Option("out", HelpText = "The run's directory. (Default: runs/VERB-yyyyMMdd-HHmmss)")]
    [NonEmpty("a directory path")]
    public string? Out { get; set; }

    /// <summary>Runs the verb into its run directory; a run that completes exits 0, solved or not.</summary>
    public int Execute(TextWriter stdout, TextWriter stderr)
    {
        string directory = CreateOutputDirectory();
        Out = directory;
        string verb = GetType().GetCustomAttribute<VerbAttribute>()!.Name;
        Run(directory, new RunOptions(verb, OptionValues, Quiet), stdout, stderr);
        return Interruption.Requested ? Interruption.ExitCode : ExitCodes.Completed;
    }

    /// <summary>Every option of this verb with the value it runs with, for config.json.</summary>
    public IReadOnlyDictionary<string, object?> OptionValues =>
        VerbSpec.For(GetType()).Options.ToDictionary(o => o.LongName, o => o.Property.GetValue(this));

    protected abstract void Run(string directory, RunOptions run, TextWriter stdout, TextWriter stderr);

    /// <summary>True where the verb continues the run already in its directory (train --resume).</summary>
    protected virtual bool ContinuesExistingRun => false;

    /// <summary>Files a run leaves in its directory (compare: also in baseline/ and batched/; sweep: also in policies/).</summary>
    private static readonly string[] RunFilePatterns =
    [
        "config.json", "summary.json", "metrics.csv", "events.out.tfevents.*", "learning-curve.png",
        "policy.safetensors", "checkpoint.safetensors", "compare.json", "compare.png",
        "sweep.json", "sweep.csv", "sweep.png", "solved.png", "agent-*.safetensors",
    ];

    /// <summary>
    /// --out, or a fresh runs/VERB-timestamp, created and checked now so a bad path fails before
    /// training; a directory holding another run is refused unless --overwrite, so two runs'
    /// files never mix.
    /// </summary>
    private string CreateOutputDirectory()
    {
        string verb = GetType().GetCustomAttribute<VerbAttribute>()!.Name;
        string directory = Out ?? Path.Combine("runs", $"{verb}-{DateTime.Now:yyyyMMdd-HHmmss}");
        if (File.Exists(directory))
            throw new UsageException($"--out {directory} is a file: must be a directory");
        try
        {
            Directory.CreateDirectory(directory);
            string probe = Path.Combine(directory, $".pgvec-write-test-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--out {directory} cannot be created or written: {e.Message}");
        }
        if (ContinuesExistingRun)
            return directory;
        string[] previous = [.. RunFiles(directory)];
        if (previous.Length > 0 && !Overwrite)
            throw new UsageException($"--out {directory} already holds a run ({Path.GetRelativePath(directory, previous[0])}, ...): choose another directory, or give --overwrite to replace it");
        foreach (string file in previous)
            File.Delete(file);
        return directory;
    }

    private static IEnumerable<string> RunFiles(string directory) =>
        new[] { directory, Path.Combine(directory, "baseline"), Path.Combine(directory, "batched"), Path.Combine(directory, "policies") }
            .Where(Directory.Exists)
            .SelectMany(d => RunFilePatterns.SelectMany(pattern => Directory.GetFiles(d, pattern)));
}
