using System.Globalization;

namespace PolicyGradient.Environment;

/// <summary>An environment's action space, as Gymnasium declares it: Discrete or Box.</summary>
internal abstract record ActionSpace
{
    /// <summary>As `pgvec envs` shows it: "Discrete(3)", "Box(1) [-2, 2]".</summary>
    public abstract string Description { get; }
}

/// <summary>Gymnasium's Discrete(n): the actions 0 .. Count - 1.</summary>
internal sealed record DiscreteActions(int Count) : ActionSpace
{
    public override string Description => $"Discrete({Count})";
}

/// <summary>Gymnasium's Box(low, high) of float32: one action is a vector of Low.Length values, clipped by the environment.</summary>
internal sealed record BoxActions(float[] Low, float[] High) : ActionSpace
{
    public int Dimensions => Low.Length;

    public override string Description => $"Box({Dimensions}) {BoundsText}";

    /// <summary>Each dimension's bounds, e.g. "[-2, 2]" (several: "[-1, 1], [0, 1]").</summary>
    public string BoundsText => string.Join(", ", Low.Zip(High, (low, high) => string.Create(CultureInfo.InvariantCulture, $"[{low}, {high}]")));

    /// <summary>The action inside the Box, each value moved to its nearer bound where it lies beyond one, as np.clip moves it.</summary>
    public float[] Clip(ReadOnlySpan<float> action)
    {
        var clipped = new float[action.Length];
        for (int k = 0; k < clipped.Length; k++)
            clipped[k] = Math.Clamp(action[k], Low[k], High[k]);
        return clipped;
    }
}
