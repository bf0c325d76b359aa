using Pgvec.CommandLine;

namespace Pgvec.Commands;

/// <summary>
/// A file a verb will write, named on the command line: checked before any work, so a typo in
/// the directory or an existing file is bad input (exit 2) rather than a failure after the work.
/// </summary>
public static class OutputFile
{
    public static void Check(string option, string path, bool overwrite)
    {
        string fullPath = Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
            throw new UsageException($"--{option} {path} is a directory: must be a file path");
        string directory = Path.GetDirectoryName(fullPath)!;
        if (!Directory.Exists(directory))
            throw new UsageException($"--{option} {path}: directory {directory} does not exist (create it first)");
        if (File.Exists(fullPath) && !overwrite)
            throw new UsageException($"--{option} {path} already exists: choose another path, or give --overwrite to replace it");
    }
}
