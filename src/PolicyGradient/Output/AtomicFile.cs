using System.Text;

namespace PolicyGradient.Output;

/// <summary>
/// Writes a file so that readers see either the old content or the whole new one: the content
/// goes to a temporary file in the same directory (same file system, so the rename is atomic),
/// is flushed to disk, then renamed over the target. An interrupted run leaves no half-written file.
/// </summary>
internal static class AtomicFile
{
    public static void WriteAllText(string path, string contents) =>
        WriteAllBytes(path, Encoding.UTF8.GetBytes(contents));

    public static void WriteAllBytes(string path, byte[] contents) =>
        Write(path, temporary => File.WriteAllBytes(temporary, contents));

    /// <summary>
    /// <paramref name="writeTo"/> writes the whole content to the path it is given (for writers
    /// that only take a path, such as a plotting library's SavePng); then it is flushed and renamed.
    /// </summary>
    public static void Write(string path, Action<string> writeTo)
    {
        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);
        // The temporary name ends with the target's, so writers that go by extension still work.
        string temporary = Path.Combine(directory, $".{Guid.NewGuid():N}.{Path.GetFileName(fullPath)}");
        try
        {
            writeTo(temporary);
            using (var stream = new FileStream(temporary, FileMode.Open, FileAccess.ReadWrite))
                stream.Flush(flushToDisk: true);
            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
