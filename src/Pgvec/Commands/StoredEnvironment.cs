using Pgvec.CommandLine;
using PolicyGradient.Environment;

namespace Pgvec.Commands;

/// <summary>The environment a checkpoint or policy file was trained on, from its metadata.</summary>
internal static class StoredEnvironment
{
    public const string Key = "env";

    /// <summary>The file's environment; a file written before pgvec knew more than one has none and is CartPole-v1's.</summary>
    public static EnvironmentDefinition Of(IReadOnlyDictionary<string, string> metadata, string what)
    {
        if (!metadata.TryGetValue(Key, out string? id))
            return Environments.CartPole;
        return Environments.Find(id)
               ?? throw new UsageException($"{what} was trained on {id}, which this pgvec does not know: it knows {string.Join(", ", Environments.Ids)}");
    }

    /// <summary>Refuses a policy whose observations or actions are not the environment's.</summary>
    public static void RequireFits(EnvironmentDefinition environment, int observations, int actions, string what)
    {
        var device = environment.Device;
        if (observations != device.Observations || actions != device.Actions)
            throw new UsageException($"{what} holds a policy of {observations} observations and {actions} actions: {environment.Id} has {device.Observations} and {device.Actions}");
    }
}
