using System.Globalization;
using PolicyGradient.Training;

namespace Pgvec.Commands;

/// <summary>
/// A setting known to fail: fewer than <see cref="FewEnvs"/> envs with batched training's large
/// learning rate often collapses to a policy that drops the pole at once and never recovers
/// (bench/RESULTS.md has the measurement). Said once on stderr, even with --quiet, before training.
/// </summary>
internal static class FewEnvsWarning
{
    public const int FewEnvs = 8;

    public static void WarnIfFew(int envs, double learningRate, TextWriter stderr)
    {
        if (envs < FewEnvs && learningRate >= TrainingOptions.BatchedLearningRate)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"pgvec: warning: --envs {envs} with --lr {learningRate:R} often collapses to a mean return near 9 (below {FewEnvs} envs; bench/RESULTS.md): give --lr {TrainingOptions.TutorialLearningRate:R} for few envs"));
        }
    }
}
