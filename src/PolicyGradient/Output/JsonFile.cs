using System.Text.Json;

namespace PolicyGradient.Output;

/// <summary>Writes every JSON file pgvec makes (summary, config, compare, eval, bench) in one shape: snake_case names, indented, nulls kept, replaced atomically.</summary>
internal static class JsonFile
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        // Files for people and scripts, never embedded in HTML: write '+' in a version, not \u002B.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write<T>(string path, T value) =>
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(value, Options) + "\n");
}
