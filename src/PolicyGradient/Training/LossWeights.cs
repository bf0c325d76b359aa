using PolicyGradient.Batched;
using PolicyGradient.Kernels;
using PolicyGradient.Policy;

namespace PolicyGradient.Training;

/// <summary>Chooses the gradient kernel's step weights so that its output is the gradient of the batch loss.</summary>
internal static class LossWeights
{
    /// <summary>
    /// Reinforce: loss = -(1/steps) sum_t (G_t - b) / s * log pi, with b and s from the batch's
    /// reward-to-go moments. Tutorial: loss = the mean over episodes of the tutorial's loss.
    /// </summary>
    public static GradientWeights For(Objective objective, BatchStatistics statistics)
    {
        if (objective == Objective.Tutorial)
        {
            return new GradientWeights
            {
                Objective = EpisodeObjective.Tutorial,
                Multiplier = (float)(-1.0 / statistics.Episodes),
                TutorialReturnOffset = (float)PolicyMath.TutorialReturnOffset,
            };
        }
        var n = AdvantageNormalisation.FromMoments(statistics.Steps, statistics.ReturnsToGoSum, statistics.ReturnsToGoSquaredSum, subtractBaseline: true, normalise: true);
        return new GradientWeights
        {
            Objective = EpisodeObjective.RewardToGo,
            Baseline = (float)n.Baseline,
            Multiplier = (float)(-1.0 / (n.Scale * statistics.Steps)),
        };
    }
}
