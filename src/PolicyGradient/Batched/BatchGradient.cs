using PolicyGradient.Kernels;
using PolicyGradient.Policy;
using PolicyGradient.Training;

namespace PolicyGradient.Batched;

/// <summary>Turns a batch's reduced sums into the gradient of the batch loss.</summary>
public static class BatchGradient
{
    /// <summary>
    /// Reinforce: loss = -(1/steps) sum (G_t - b)/s log pi, so grad = -(WG - b * G) / (s * steps).
    /// Seed: loss = mean over episodes of the tutorial's loss, so grad = -WG / episodes.
    /// </summary>
    public static double[] Of(BatchSums sums, Objective objective, AdvantageNormalisation normalisation)
    {
        var grad = new double[sums.Gradient.Length];
        if (objective == Objective.Seed)
        {
            for (int k = 0; k < grad.Length; k++)
                grad[k] = -(double)sums.WeightedGradient[k] / sums.Episodes;
            return grad;
        }
        double factor = -1.0 / (normalisation.Scale * sums.Steps);
        for (int k = 0; k < grad.Length; k++)
            grad[k] = factor * (sums.WeightedGradient[k] - normalisation.Baseline * sums.Gradient[k]);
        return grad;
    }

    /// <summary>The batch normalisation REINFORCE uses, from the sums' reward-to-go moments.</summary>
    public static AdvantageNormalisation Normalisation(BatchSums sums, bool subtractBaseline = true, bool normalise = true) =>
        AdvantageNormalisation.FromMoments(sums.Steps, sums.ReturnsToGoSum, sums.ReturnsToGoSquaredSum, subtractBaseline, normalise);

    public static EpisodeObjective KernelObjective(Objective objective) =>
        objective == Objective.Seed ? EpisodeObjective.Seed : EpisodeObjective.RewardToGo;
}
