namespace PolicyGradient.Environment;

/// <summary>An environment's action space, as Gymnasium declares it: Discrete or Box.</summary>
internal abstract record ActionSpace;

/// <summary>Gymnasium's Discrete(n): the actions 0 .. Count - 1.</summary>
internal sealed record DiscreteActions(int Count) : ActionSpace;

/// <summary>Gymnasium's Box(low, high) of float32: one action is a vector of Low.Length values, clipped by the environment.</summary>
internal sealed record BoxActions(float[] Low, float[] High) : ActionSpace
{
    public int Dimensions => Low.Length;
}
