using Pgvec.CommandLine;
using PolicyGradient.Environment;
using PolicyGradient.Kernels;

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
