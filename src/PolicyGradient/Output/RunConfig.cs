namespace PolicyGradient.Output;

/// <summary>config.json: how a run was started: every option as used (defaults filled in), pgvec's version, the device.</summary>
public sealed record RunConfig(
    string PgvecVersion,
    string Verb,
    string Device,
    string DeviceName,
    string StartedAt,
    IReadOnlyDictionary<string, object?> Options)
{
    public const string FileName = "config.json";

    public static RunConfig Of(string verb, string device, string deviceName, IReadOnlyDictionary<string, object?> options) =>
        new(PolicyGradient.Output.PgvecVersion.Text, verb, device, deviceName, DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ"), options);

    public void Write(string directory) => JsonFile.Write(Path.Combine(directory, FileName), this);
}
