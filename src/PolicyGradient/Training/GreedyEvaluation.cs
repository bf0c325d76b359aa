using PolicyGradient.Environment;
using PolicyGradient.Policy;

namespace PolicyGradient.Training;

/// <summary>Plays the policy's argmax action on the Gymnasium-exact environment: the number every run ends with.</summary>
internal static class GreedyEvaluation
{
    /// <summary>Mean return of <paramref name="episodes"/> episodes, each until termination or truncation.</summary>
    public static double MeanReturn(PolicyParameters policy, EnvironmentDefinition environment, int episodes, ulong seed) =>
        PolicyEvaluation.Play(policy, environment, episodes, seed, ActionChoice.Greedy).Sum(r => r.Return) / episodes;
}
