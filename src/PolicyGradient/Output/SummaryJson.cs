using System.Text.Json;

namespace PolicyGradient.Output;

/// <summary>The one JSON shape of every file a run writes: snake_case names, indented, nulls kept.</summary>
public static class SummaryJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    public static void Write<T>(string path, T value) =>
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(value, Options) + "\n");
}
