namespace PolicyGradient.Kernels;

/// <summary>
/// How the gradient kernel weights each step's grad log pi, so that its reduced output is
/// the gradient of the batch loss itself:
/// reward-to-go: w_t = (G_t - Baseline) * Multiplier; tutorial: w_t = (R - TutorialReturnOffset) / T * Multiplier.
/// </summary>
internal struct GradientWeights
{
    public EpisodeObjective Objective;
    public float Baseline;
    public float Multiplier;
    public float TutorialReturnOffset;
}
