using Pgvec.CommandLine;

namespace Pgvec.Commands;

/// <summary>
/// A file a verb writes at its end (eval.json, bench.json, eval's SVG), checked before any work so
/// that a bad path cannot lose the results. The default one lives in a fresh runs/VERB-... folder,
/// claimed when written by creating the file exclusively, so two runs never share it.
/// </summary>
public sealed class OutputFile
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
