namespace Pgvec.Commands;

/// <summary>Where a program named on the command line is: a path as given, or a bare name looked up on PATH as a shell would.</summary>
internal static class PeerProgram
{
    public static string? Find(string program)
    {
        if (program.Contains(Path.DirectorySeparatorChar) || program.Contains(Path.AltDirectorySeparatorChar))
            return File.Exists(program) ? program : null;
        string[] extensions = OperatingSystem.IsWindows() ? ["", ".exe"] : [""];
        return (System.Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(d => extensions.Select(e => Path.Combine(d, program + e)))
            .FirstOrDefault(File.Exists);
    }
}
