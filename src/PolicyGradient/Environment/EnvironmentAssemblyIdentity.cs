using System.Reflection;
using System.Security.Cryptography;

namespace PolicyGradient.Environment;

/// <summary>
/// The assembly a user's environment was loaded from (--env-assembly), as checkpoints, policy
/// files and summaries record it: its name and version, and the SHA-256 of the file, so a policy
/// plays only on the very build it was trained on.
/// </summary>
internal sealed record EnvironmentAssemblyIdentity(string Name, string Version, string Sha256)
{
    /// <summary>The identity of the assembly file at <paramref name="path"/>.</summary>
    /// <exception cref="BadImageFormatException">It is not a .NET assembly.</exception>
    public static EnvironmentAssemblyIdentity Of(string path)
    {
        AssemblyName name = AssemblyName.GetAssemblyName(path);
        using FileStream file = File.OpenRead(path);
        return new EnvironmentAssemblyIdentity(name.Name ?? Path.GetFileNameWithoutExtension(path), name.Version?.ToString() ?? "0.0.0.0",
            Convert.ToHexStringLower(SHA256.HashData(file)));
    }

    /// <summary>"MyEnvironments 1.0.0.0 (sha256 3f2a9c01d4e5...)".</summary>
    public override string ToString() => $"{Name} {Version} (sha256 {Sha256[..12]}...)";
}
