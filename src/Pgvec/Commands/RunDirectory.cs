using Pgvec.CommandLine;

namespace Pgvec.Commands;

/// <summary>
/// A run's output directory. Checked before any work (a file, a place that cannot be written,
/// another run's directory, or a non-empty folder that is not a run is refused), created only once the run can start, so a run that fails
/// to start leaves nothing behind. Creating it claims it: the claim file is created exclusively,
/// so no two runs ever share a directory. A default name another run claimed first moves on to
/// the next free name; an --out another run claimed first is refused.
/// </summary>
internal sealed class RunDirectory
{
    /// <summary>Created exclusively in the directory by the run that owns it.</summary>
    public const string ClaimFile = ".pgvec-run";

    /// <summary>runs/latest: one line, the path of the newest run started with a default name.</summary>
    public const string LatestFile = "latest";

    /// <summary>Files a run leaves in its directory (compare: also in baseline/ and batched/; sweep: also in policies/).</summary>
    private static readonly string[] RunFilePatterns =
    [
        ClaimFile, "config.json", "summary.json", "metrics.csv", "events.out.tfevents.*", "learning-curve.png",
        "policy.safetensors", "checkpoint.safetensors", "best-policy.safetensors", "compare.json", "compare.png",
        "sweep.json", "sweep.csv", "sweep.png", "solved.png", "agent-*.safetensors", "eval-*.json",
    ];

    /// <summary>Folders inside a run directory that hold its files: compare's halves, sweep's policies.</summary>
    private static readonly string[] HalfRuns = ["baseline", "batched", "policies"];

    private readonly string _requested;
    private readonly bool _named;
    private readonly bool _overwrite;
    private readonly bool _continues;
    private readonly RunDirectory? _parent;
    private string? _path;

    private RunDirectory(string requested, bool named, bool overwrite, bool continues, RunDirectory? parent = null)
    {
        _requested = requested;
        _named = named;
        _overwrite = overwrite;
        _continues = continues;
        _parent = parent;
    }

    /// <summary>A new run's directory: --out, or a fresh runs/VERB-yyyyMMdd-HHmmss-fff; checked now.</summary>
    public static RunDirectory ForNewRun(string verb, string? @out, bool overwrite)
    {
        if (@out is null)
            return ForDefaultName(DefaultPath(verb));
        var directory = new RunDirectory(@out, named: true, overwrite, continues: false);
        directory.Check("--out");
        return directory;
    }

    /// <summary>A directory named for the user: <paramref name="path"/>, or path-2, path-3, ... if another run has it.</summary>
    public static RunDirectory ForDefaultName(string path)
    {
        var directory = new RunDirectory(path, named: false, overwrite: false, continues: false);
        directory.Check("--out");
        return directory;
    }

    /// <summary>The directory of a run that goes on (train --resume): it holds the run already.</summary>
    public static RunDirectory ForResumedRun(string path)
    {
        var directory = new RunDirectory(path, named: true, overwrite: false, continues: true);
        directory.Check("--resume");
        return directory;
    }

    /// <summary>runs/VERB-yyyyMMdd-HHmmss-fff: the milliseconds keep runs started together apart; the claim does the rest.</summary>
    public static string DefaultPath(string verb) => System.IO.Path.Combine("runs", $"{verb}-{DateTime.Now:yyyyMMdd-HHmmss-fff}");

    /// <summary>A directory inside this one (compare's baseline/ and batched/), created when it is claimed.</summary>
    public RunDirectory Inside(string name) => new(name, named: true, overwrite: false, continues: true, parent: this);

    /// <summary>The directory's path once claimed.</summary>
    public string Path => _path ?? throw new InvalidOperationException("the run directory is not claimed yet");

    /// <summary>Creates and claims the directory; called once the run can start. Claiming twice is a no-op.</summary>
    public string Claim()
    {
        if (_path is not null)
            return _path;
        if (_parent is not null)
            return _path = CreateDirectory(System.IO.Path.Combine(_parent.Claim(), _requested));
        for (int attempt = 1; ; attempt++)
        {
            string path = _named || attempt == 1 ? _requested : $"{_requested}-{attempt}";
            if (!_named && Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any())
                continue;
            CreateDirectory(path);
            if (_continues)
                return _path = path;
            if (_overwrite)
                DeleteRun(path);
            try
            {
                using (new FileStream(System.IO.Path.Combine(path, ClaimFile), FileMode.CreateNew, FileAccess.Write))
                    _path = path;
                if (!_named)
                    NameAsLatest(path);
                return _path;
            }
            catch (IOException) when (File.Exists(System.IO.Path.Combine(path, ClaimFile)))
            {
                if (_named)
                    throw HoldsARun(path, System.IO.Path.Combine(path, ClaimFile));
            }
        }
    }

    /// <summary>
    /// runs/latest names the newest run: a small file rather than a symlink, which `tensorboard
    /// --logdir runs` would follow and show the run twice. Replaced atomically, so a reader never
    /// sees half a name.
    /// </summary>
    private static void NameAsLatest(string path) =>
        PolicyGradient.Output.AtomicFile.WriteAllText(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, LatestFile), path + "\n");

    /// <summary>The run directory a file of a run lies in (its policy, checkpoint or model), or null for a file outside any run.</summary>
    public static string? Holding(string file)
    {
        string directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(file))!;
        return File.Exists(System.IO.Path.Combine(directory, ClaimFile)) ? directory : null;
    }

    private void Check(string option)
    {
        string path = _requested;
        if (File.Exists(path))
            throw new UsageException($"{option} {path} is a file: must be a directory");
        if (WritablePath.Problem(path) is { } problem)
            throw new UsageException($"{option} {path} cannot be created or written: {problem}");
        if (!_named || _continues || !Directory.Exists(path))
            return;
        if (RunFiles(path).FirstOrDefault() is { } previous)
        {
            if (!_overwrite)
                throw HoldsARun(path, previous);
        }
        // A folder of other things (the repository, a folder of runs) would get run files mixed into it.
        else if (Directory.EnumerateFileSystemEntries(path).FirstOrDefault() is { } other)
        {
            throw new UsageException($"{option} {path} is a non-empty folder that is not a pgvec run (it holds {System.IO.Path.GetFileName(other)}, ...): " +
                "give a new or empty directory, or a run directory to replace with --overwrite");
        }
    }

    private static UsageException HoldsARun(string path, string previous) =>
        new($"--out {path} already holds a run ({System.IO.Path.GetRelativePath(path, previous)}, ...): choose another directory, or give --overwrite to replace it");

    private static string CreateDirectory(string path)
    {
        try
        {
            Directory.CreateDirectory(path);
            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--out {path} cannot be created or written: {e.Message}");
        }
    }

    /// <summary>--overwrite: the previous run's files go, and compare's halves with them, so two runs never mix.</summary>
    private static void DeleteRun(string path)
    {
        foreach (string file in RunFiles(path))
            File.Delete(file);
        foreach (string half in HalfRuns.Select(h => System.IO.Path.Combine(path, h)).Where(Directory.Exists))
        {
            if (!Directory.EnumerateFileSystemEntries(half).Any())
                Directory.Delete(half);
        }
    }

    private static IEnumerable<string> RunFiles(string directory) =>
        HalfRuns.Select(h => System.IO.Path.Combine(directory, h)).Prepend(directory)
            .Where(Directory.Exists)
            .SelectMany(d => RunFilePatterns.SelectMany(pattern => Directory.GetFiles(d, pattern)));
}
