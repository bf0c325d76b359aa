using PolicyGradient.Output;

namespace PolicyGradient.Checkpoints;

/// <summary>
/// What the __metadata__ of every safetensors file pgvec writes starts with: "format": "pt" (as
/// safetensors.torch writes it, so PyTorch's loaders take the file) and pgvec's version.
/// </summary>
internal static class FileMetadata
{
    public const string FormatKey = "format";
    public const string VersionKey = "pgvec_version";

    public static Dictionary<string, string> Start() => new() { [FormatKey] = "pt", [VersionKey] = PgvecVersion.Text };
}
