namespace Pgvec.Commands;

/// <summary>Whether a path that may not exist yet could be created: its nearest existing ancestor is a directory we can write in.</summary>
internal static class WritablePath
{
    /// <returns>Null if the path can be created there; otherwise why not.</returns>
    public static string? Problem(string path)
    {
        string? existing = null;
        for (string? p = Path.GetFullPath(path); p is not null; p = Path.GetDirectoryName(p))
        {
            if (Directory.Exists(p) || File.Exists(p))
            {
                existing = p;
                break;
            }
        }
        if (existing is null || File.Exists(existing))
            return $"{existing ?? "its root"} is not a directory";
        try
        {
            // A probe rather than permission bits: ACLs, read-only mounts and quotas all show.
            string probe = Path.Combine(existing, $".pgvec-write-test-{System.Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return $"permission denied: {existing} cannot be written in";
        }
        catch (IOException e)
        {
            // The user never named the probe: the reason is about the directory.
            return e.Message.Replace(Path.Combine(existing, $".pgvec-write-test-{System.Environment.ProcessId}"), existing);
        }
    }
}
