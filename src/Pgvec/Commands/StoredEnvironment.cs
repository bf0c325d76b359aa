using Pgvec.CommandLine;
using PolicyGradient.Environment;
using PolicyGradient.Kernels;

namespace Pgvec.Commands;

/// <summary>
/// The environment a checkpoint or policy file was trained on, from its metadata: a built-in's
/// id, or a user's id with the identity of its assembly (name, version, SHA-256) and the path
/// it was loaded from (the run's --env-assembly).
/// </summary>
internal static class StoredEnvironment
{
    public const string Key = "env";
    public const string AssemblyNameKey = "env_assembly_name";
    public const string AssemblyVersionKey = "env_assembly_version";
    public const string AssemblySha256Key = "env_assembly_sha256";

    /// <summary>Records the environment's assembly, where it has one, beside the run's options (env and env-assembly among them).</summary>
    public static void Record(IDictionary<string, string> metadata, EnvironmentDefinition environment)
    {
        metadata[Key] = environment.Id;
        if (environment.Assembly is { } assembly)
        {
            metadata[AssemblyNameKey] = assembly.Name;
            metadata[AssemblyVersionKey] = assembly.Version;
            metadata[AssemblySha256Key] = assembly.Sha256;
        }
    }

    /// <summary>The id the file names (a file without one is CartPole-v1's), without loading any assembly.</summary>
    public static string IdOf(IReadOnlyDictionary<string, string> metadata) => metadata.GetValueOrDefault(Key, Environments.CartPole.Id);

    /// <summary>The assembly the file's environment came from; null for a built-in.</summary>
    public static EnvironmentAssemblyIdentity? AssemblyOf(IReadOnlyDictionary<string, string> metadata) =>
        metadata.TryGetValue(AssemblySha256Key, out string? sha256)
            ? new EnvironmentAssemblyIdentity(metadata.GetValueOrDefault(AssemblyNameKey, "?"), metadata.GetValueOrDefault(AssemblyVersionKey, "?"), sha256)
            : null;

    /// <summary>
    /// The file's environment: a built-in, or a user's found again in <paramref name="assemblyPath"/>
    /// (--env-assembly where given, else the path the run recorded), which must be the very
    /// assembly it was trained with (same SHA-256).
    /// </summary>
    /// <param name="what">The file as the user named it, e.g. "--checkpoint run/policy.safetensors".</param>
    /// <param name="assemblyPath">--env-assembly as given; null where it was not.</param>
    public static EnvironmentDefinition Of(IReadOnlyDictionary<string, string> metadata, string what, string? assemblyPath = null)
    {
        string id = IdOf(metadata);
        if (AssemblyOf(metadata) is not { } trainedWith)
        {
            if (assemblyPath is not null)
                throw new UsageException($"--env-assembly {assemblyPath} was given, but {what} was trained on the built-in {id}: leave --env-assembly out");
            return Environments.Find(id)
                   ?? throw new UsageException($"{what} was trained on {id}, which this pgvec does not know: it knows {string.Join(", ", Environments.Ids)} (and a user's environment with --env-assembly)");
        }
        string trained = $"{what} was trained on {id} from {trainedWith}";
        string path = assemblyPath ?? metadata.GetValueOrDefault(EnvironmentChoice.AssemblyOption)
            ?? throw new UsageException($"{trained}: give --env-assembly with that assembly");
        if (assemblyPath is null && !File.Exists(path))
            throw new UsageException($"{trained}, loaded from {path}, which is not there any more: give --env-assembly with that assembly");
        EnvironmentAssemblyIdentity given = EnvironmentChoice.IdentityOf(path);
        if (given.Sha256 != trainedWith.Sha256)
            throw new UsageException($"--env-assembly {path} is {given}, but {trained}: give the assembly it was trained with");
        return EnvironmentChoice.Of(id, path);
    }

    /// <summary>Refuses a policy whose head (categorical or Gaussian), observations or actions are not the environment's.</summary>
    public static void RequireFits(EnvironmentDefinition environment, PolicyLayout policy, string what)
    {
        var device = environment.Device;
        if (policy.Head != device.Head)
            throw new UsageException($"{what} holds a {HeadName(policy.Head)} policy: {environment.Id} has {ActionsName(device.Head)} actions and needs a {HeadName(device.Head)} one");
        if (policy.Inputs != device.Observations || policy.Actions != device.Actions)
            throw new UsageException($"{what} holds a policy of {policy.Inputs} observations and {policy.Actions} actions: {environment.Id} has {device.Observations} and {device.Actions}");
    }

    private static string HeadName(PolicyHead head) => head == PolicyHead.Gaussian ? "Gaussian (continuous-action)" : "categorical (discrete-action)";

    private static string ActionsName(PolicyHead head) => head == PolicyHead.Gaussian ? "continuous (Box)" : "discrete";
}
