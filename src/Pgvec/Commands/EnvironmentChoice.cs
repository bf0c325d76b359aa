using Pgvec.CommandLine;
using PolicyGradient.Environment;
using PolicyGradient.Environment.Assemblies;

namespace Pgvec.Commands;

/// <summary>
/// The environment --env names: a built-in's id, or with --env-assembly DLL one of that
/// assembly's environments (its id or type name; the only one when --env is not given). What
/// cannot be loaded or found is a usage error, one line.
/// </summary>
internal static class EnvironmentChoice
{
    public const string Option = "env";
    public const string AssemblyOption = "env-assembly";

    public const string AssemblyHelp = "(Default: none) With it, --env names one of your own environments by id or type name (not given: the only one), from this .NET assembly (.dll) of environment structs (README: Bring your own environment).";

    /// <summary>The environment; <paramref name="envGiven"/>: --env was on the command line (else, with an assembly, its only one).</summary>
    public static EnvironmentDefinition Of(string env, string? assemblyPath, bool envGiven = true)
    {
        if (assemblyPath is null)
            return Environments.Named(env);
        EnvironmentAssembly assembly = Load(assemblyPath);
        try
        {
            return envGiven ? assembly.Find(env) : assembly.Only();
        }
        catch (EnvironmentAssemblyException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>Each environment of a sweep's --env list, all from one assembly where given.</summary>
    public static EnvironmentDefinition[] Of(IEnumerable<string> envs, string? assemblyPath, bool envGiven) =>
        assemblyPath is not null && !envGiven ? [Of("", assemblyPath, envGiven: false)] : [.. envs.Select(e => Of(e, assemblyPath))];

    /// <summary>The assembly's identity (its SHA-256 read, nothing loaded), for comparison with a file's metadata.</summary>
    public static EnvironmentAssemblyIdentity IdentityOf(string assemblyPath)
    {
        try
        {
            return EnvironmentAssemblyIdentity.Of(Path.GetFullPath(assemblyPath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException)
        {
            // Load words every one of these failures; it throws for each.
            Load(assemblyPath);
            throw;
        }
    }

    /// <summary>The full path of --env-assembly, as a run records it (so it is found again from another folder).</summary>
    public static string? FullPath(string? assemblyPath) => assemblyPath is null ? null : Path.GetFullPath(assemblyPath);

    private static EnvironmentAssembly Load(string assemblyPath)
    {
        try
        {
            return EnvironmentAssembly.Load(assemblyPath);
        }
        catch (EnvironmentAssemblyException e)
        {
            throw new UsageException($"--{AssemblyOption} {e.Message}");
        }
    }
}
