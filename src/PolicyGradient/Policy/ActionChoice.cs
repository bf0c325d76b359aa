using PolicyGradient.Kernels;

namespace PolicyGradient.Policy;

/// <summary>How an action is picked from the policy's output.</summary>
internal enum ActionChoice
{
    /// <summary>The most probable action (argmax of the logits; ties push left).</summary>
    Greedy,
    /// <summary>A draw from the policy's distribution, as training plays.</summary>
    Sample,
}

internal static class ActionChoices
{
    public static string Name(this ActionChoice choice) => choice switch
    {
        ActionChoice.Greedy => "greedy",
        ActionChoice.Sample => "sample",
        _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, null),
    };

    /// <summary>
    /// Step <paramref name="t"/>'s action from the episode's stream <paramref name="key"/>: the
    /// reset uses the first <paramref name="resetDraws"/> draws, draw resetDraws + t picks action
    /// t, by inverse CDF from the last action down, as on the device (<see cref="CategoricalPolicy.Sample"/>).
    /// </summary>
    public static int Sample(ReadOnlySpan<double> logProbabilities, ulong key, int t, int resetDraws)
    {
        float u = CounterRandom.UniformFloat(key, (ulong)(resetDraws + t));
        double cumulative = 0.0;
        for (int k = logProbabilities.Length - 1; k >= 1; k--)
        {
            cumulative += Math.Exp(logProbabilities[k]);
            if (u < cumulative)
                return k;
        }
        return 0;
    }

    /// <summary>The most probable action; ties go to the lowest.</summary>
    public static int Greedy(ReadOnlySpan<double> logits)
    {
        int best = 0;
        for (int k = 1; k < logits.Length; k++)
        {
            if (logits[k] > logits[best])
                best = k;
        }
        return best;
    }
}
