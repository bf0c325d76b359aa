namespace PolicyGradient.Output;

/// <summary>
/// config.json: how a run was started: every option as used (defaults filled in), pgvec's
/// version, the device; when it started, and when it was last resumed (null if never).
/// </summary>
internal sealed record RunConfig(
    string PgvecVersion,
    string Verb,
    string Device,
    string DeviceName,
    string StartedAt,
    string? ResumedAt,
    IReadOnlyDictionary<string, object?> Options)
{
    public const string FileName = "config.json";

    public static RunConfig Of(string verb, string device, string deviceName, IReadOnlyDictionary<string, object?> options) =>
        new(PolicyGradient.Output.PgvecVersion.Text, verb, device, deviceName, Now, null, options);

    /// <summary>This session's config of a resumed run: the run's own start kept from the config.json in <paramref name="directory"/>, and now as resumed_at.</summary>
    public RunConfig Resumed(string directory)
    {
        string path = Path.Combine(directory, FileName);
        return this with { StartedAt = StartOf(path) ?? StartedAt, ResumedAt = Now };
    }

    /// <summary>started_at of the config.json at <paramref name="path"/>; null if there is none to read.</summary>
    private static string? StartOf(string path)
    {
        try
        {
            return System.Text.Json.JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("started_at").GetString();
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string Now => DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ");

    public void Write(string directory) => JsonFile.Write(Path.Combine(directory, FileName), this);
}
