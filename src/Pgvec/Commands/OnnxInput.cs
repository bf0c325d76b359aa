using Pgvec.CommandLine;
using PolicyGradient.Reporting.Export;

namespace Pgvec.Commands;

/// <summary>
/// An ONNX model named on the command line: a missing file, one ONNX Runtime refuses, or one
/// without pgvec's inputs and outputs is bad input (exit 2) with one line naming the option,
/// the file and the first problem.
/// </summary>
internal static class OnnxInput
{
    public static OnnxPolicy Load(string option, string path)
    {
        try
        {
            return OnnxPolicy.Load(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new UsageException($"--{option} {path}: no such file");
        }
        catch (UnauthorizedAccessException) when (Directory.Exists(path))
        {
            throw new UsageException($"--{option} {path} is a directory: must be an .onnx file");
        }
        catch (InvalidDataException e)
        {
            throw new UsageException($"--{option} {path} is not a policy model pgvec can play: {e.Message}");
        }
    }
}
