using Pgvec.CommandLine;

namespace Pgvec.Commands;

/// <summary>
/// A file a verb writes at its end (eval.json, bench.json, eval's SVG), checked before any work so
/// that a bad path cannot lose the results. The default one lives in a fresh runs/VERB-... folder,
/// claimed when written by creating the file exclusively, so two runs never share it.
/// </summary>
internal sealed class OutputFile
{
    private readonly string _path;
    private readonly bool _named;

    private OutputFile(string path, bool named)
    {
        _path = path;
        _named = named;
    }

    /// <summary>--<paramref name="option"/>'s file, or runs/VERB-yyyyMMdd-HHmmss-fff/<paramref name="defaultName"/>; checked now.</summary>
    public static OutputFile For(string option, string? given, string verb, string defaultName)
    {
        var file = new OutputFile(given ?? Path.Combine(RunDirectory.DefaultPath(verb), defaultName), given is not null);
        file.Check(option);
        return file;
    }

    /// <summary>
    /// A file the user names and nothing else writes (export's model): its directory must exist, and an
    /// existing file is replaced only with --overwrite.
    /// </summary>
    public static OutputFile Named(string option, string path, bool overwrite)
    {
        var file = new OutputFile(path, named: true);
        file.Check(option);
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(directory))
            throw new UsageException($"--{option} {path}: directory {directory} does not exist (create it first)");
        if (File.Exists(path) && !overwrite)
            throw new UsageException($"--{option} {path} already exists: choose another path, or give --overwrite to replace it");
        return file;
    }

    /// <summary>Where to write: the named file, or the first default folder no other run has claimed, created now.</summary>
    public string Claim()
    {
        if (_named)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
            return _path;
        }
        string folder = Path.GetDirectoryName(_path)!, name = Path.GetFileName(_path);
        for (int attempt = 1; ; attempt++)
        {
            string path = Path.Combine(attempt == 1 ? folder : $"{folder}-{attempt}", name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            try
            {
                using (new FileStream(path, FileMode.CreateNew, FileAccess.Write))
                    return path;
            }
            catch (IOException) when (File.Exists(path))
            {
            }
        }
    }

    private void Check(string option)
    {
        if (Directory.Exists(_path))
            throw new UsageException($"--{option} {_path} is a directory: must be a file path");
        if (WritablePath.Problem(Path.GetDirectoryName(Path.GetFullPath(_path))!) is { } problem)
            throw new UsageException($"--{option} {_path} cannot be written: {problem}");
    }
}
