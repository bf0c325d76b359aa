using Pgvec.CommandLine;
using PolicyGradient.Checkpoints;

namespace Pgvec.Commands;

/// <summary>
/// A .safetensors file named on the command line: a missing or malformed one is bad input (exit 2)
/// with one line naming the option, the file and the first problem.
/// </summary>
internal static class SafeTensorsInput
{
    public static T Read<T>(string option, string path, Func<SafeTensorsFile, T> interpret)
    {
        SafeTensorsFile file;
        try
        {
            file = SafeTensorsFile.Read(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new UsageException($"--{option} {path}: no such file");
        }
        catch (UnauthorizedAccessException) when (Directory.Exists(path))
        {
            throw new UsageException($"--{option} {path} is a directory: must be a .safetensors file");
        }
        catch (InvalidDataException e)
        {
            throw new UsageException($"--{option} {path} is not a valid safetensors file: {e.Message}");
        }
        try
        {
            return interpret(file);
        }
        catch (InvalidDataException e)
        {
            throw new UsageException($"--{option} {path} does not hold a pgvec policy: {e.Message}");
        }
    }
}
