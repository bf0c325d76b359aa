using Pgvec.CommandLine;
using PolicyGradient.Environment;
using PolicyGradient.Training;

namespace Pgvec.Commands;

/// <summary>Which objectives an environment can be trained with.</summary>
internal static class ObjectiveFit
{
    /// <summary>
    /// The tutorial's loss weights each step by the episode's return minus 15, an offset chosen for
    /// CartPole-v1's returns (+1 per step); on another environment's returns it means nothing.
    /// </summary>
    public static void Require(EnvironmentDefinition environment, IEnumerable<Objective> objectives)
    {
        if (environment != Environments.CartPole && objectives.Contains(Objective.Tutorial))
            throw new UsageException($"--objective tutorial does not fit --env {environment.Id}: its loss subtracts 15 from each return, an offset for CartPole-v1's returns only; use --objective reinforce");
    }
}
