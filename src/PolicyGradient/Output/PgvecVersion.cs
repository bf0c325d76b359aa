using System.Reflection;

namespace PolicyGradient.Output;

/// <summary>
/// pgvec's one version string, as `pgvec --version` prints it and config.json and every
/// safetensors file record it: the package version and, where the build knows it, the commit
/// (e.g. 0.1.0+6ae4627...).
/// </summary>
internal static class PgvecVersion
{
    public static string Text { get; } =
        typeof(PgvecVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(PgvecVersion).Assembly.GetName().Version?.ToString() ?? "unknown";
}
