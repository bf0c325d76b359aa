using PolicyGradient.Environment;
using PolicyGradient.Kernels;
using PolicyGradient.Policy;

namespace PolicyGradient.Training;

/// <summary>Plays the policy's argmax action on the Gymnasium-exact environment.</summary>
public static class GreedyEvaluation
{
    private const ulong EvaluationStream = 0xE7A1;

    /// <summary>Mean return of <paramref name="episodes"/> episodes, each until termination or truncation.</summary>
    public static double MeanReturn(PolicyParameters policy, int episodes, ulong seed)
    {
        var env = new CartPole();
        Span<double> logits = stackalloc double[2];
        double total = 0.0;
        for (int e = 0; e < episodes; e++)
        {
            float[] obs = env.Reset(CounterRandom.StreamKey(seed, EvaluationStream, (ulong)e));
            while (true)
            {
                PolicyMath.Logits(policy.Values, policy.Layout, obs, logits);
                var step = env.Step(logits[1] > logits[0] ? 1 : 0);
                total += step.Reward;
                obs = step.Observation;
                if (step.Terminated || step.Truncated)
                    break;
            }
        }
        return total / episodes;
    }
}
