using System.IO.Compression;

namespace PolicyGradient.SelfTest;

/// <summary>
/// The large Gymnasium records are kept gzip-compressed (NAME.json.gz, about a quarter of their
/// size): the repository, the program and the GPU bundle then stay small enough to travel. A
/// reference is read by its uncompressed name, whichever way it is stored.
/// </summary>
internal static class CompressedReference
{
    public const string Extension = ".gz";

    /// <summary>The file at <paramref name="path"/>, or <paramref name="path"/>.gz decompressed; null when neither exists.</summary>
    public static byte[]? ReadFile(string path) =>
        File.Exists(path) ? File.ReadAllBytes(path)
        : File.Exists(path + Extension) ? Decompress(File.OpenRead(path + Extension))
        : null;

    public static byte[] Decompress(Stream compressed)
    {
        using (compressed)
        using (var gzip = new GZipStream(compressed, CompressionMode.Decompress))
        using (var bytes = new MemoryStream())
        {
            gzip.CopyTo(bytes);
            return bytes.ToArray();
        }
    }
}
