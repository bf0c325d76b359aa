using System.Text.Json;

namespace PolicyGradient.Output;

/// <summary>Writes every JSON file pgvec makes (summary, config, compare, eval, bench) in one shape: snake_case names, indented, nulls kept, replaced atomically.</summary>
public static class JsonFile
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    public static void Write<T>(string path, T value) =>
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(value, Options) + "\n");
}
