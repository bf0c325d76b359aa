using PolicyGradient.Kernels;

namespace PolicyGradient.Policy;

/// <summary>How an action is picked from the policy's output.</summary>
public enum ActionChoice
{
    /// <summary>The most probable action (argmax of the logits; ties push left).</summary>
    Greedy,
    /// <summary>A draw from the policy's distribution, as training plays.</summary>
    Sample,
}

public static class ActionChoices
{
    public static string Name(this ActionChoice choice) => choice switch
    {
        ActionChoice.Greedy => "greedy",
        ActionChoice.Sample => "sample",
        _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, null),
    };

    /// <summary>
    /// Step <paramref name="t"/>'s action from the episode's stream <paramref name="key"/>: draws
    /// 0..3 reset the state, draw 4 + t picks action t, as on the device
    /// (<see cref="CartPolePhysics.ResetDraws"/>).
    /// </summary>
    public static int Sample(ReadOnlySpan<double> logProbabilities, ulong key, int t) =>
        CounterRandom.UniformFloat(key, CartPolePhysics.ResetDraws + (ulong)t) < Math.Exp(logProbabilities[1]) ? 1 : 0;

    public static int Greedy(ReadOnlySpan<double> logits) => logits[1] > logits[0] ? 1 : 0;
}
