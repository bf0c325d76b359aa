namespace PolicyGradient.Kernels;

/// <summary>
/// A fixed-length float32 vector whose length is its type (<see cref="Vector1"/> to
/// <see cref="Vector8"/>), every operation written out over its fields. A kernel generic over an
/// environment's observation length therefore keeps its vectors in registers: no local arrays, no
/// loops over a length ILGPU cannot unroll, no `.local` memory. Sums run left to right (index 0
/// first), so a vector's arithmetic is the same as writing its fields out by hand.
/// </summary>
public interface IVector<TSelf> where TSelf : unmanaged, IVector<TSelf>
{
    /// <summary>Its number of components.</summary>
    static abstract int Length { get; }

    /// <summary>Component <paramref name="i"/> (0 &lt;= i &lt; Length).</summary>
    static abstract float Get(TSelf v, int i);

    /// <summary><paramref name="v"/> with component <paramref name="i"/> replaced.</summary>
    static abstract TSelf With(TSelf v, int i, float value);

    /// <summary>sum_i x_i * w_i, left to right.</summary>
    static abstract float Dot(TSelf x, TSelf w);

    /// <summary>acc + sum_i v_i, left to right.</summary>
    static abstract float Sum(float acc, TSelf v);

    /// <summary>max(acc, max_i v_i).</summary>
    static abstract float Max(float acc, TSelf v);

    /// <summary>acc_i + x_i * s.</summary>
    static abstract TSelf AddScaled(TSelf acc, TSelf x, float s);

    /// <summary>a_i + b_i.</summary>
    static abstract TSelf Add(TSelf a, TSelf b);

    /// <summary>v_i - s.</summary>
    static abstract TSelf Subtract(TSelf v, float s);

    /// <summary>v_i * s.</summary>
    static abstract TSelf Scale(TSelf v, float s);

    /// <summary>v_i / d.</summary>
    static abstract TSelf Divide(TSelf v, float d);

    /// <summary>exp(v_i - m).</summary>
    static abstract TSelf ExpMinus(TSelf v, float m);

    /// <summary>[i == index] - p_i: the gradient of log softmax at the one-hot <paramref name="index"/> (-1: none).</summary>
    static abstract TSelf OneHotMinus(TSelf p, int index);

    /// <summary>sum_i p_i log p_i over p_i &gt; 0 (0 log 0 = 0).</summary>
    static abstract float PLogP(TSelf p);

    /// <summary>
    /// Inverse-CDF sampling from the last component down: the running sum goes on from
    /// <paramref name="picked"/>; the first component whose running sum passes
    /// <paramref name="u"/> is picked, its index being <paramref name="offset"/> + its position.
    /// </summary>
    static abstract Pick PickFromLast(TSelf p, float u, Pick picked, int offset);
}

/// <summary>Where inverse-CDF sampling stands: the running sum so far and the index picked (-1 while none).</summary>
public readonly struct Pick(float cumulative, int index)
{
    /// <summary>The probabilities summed so far.</summary>
    public readonly float Cumulative = cumulative;
    /// <summary>The action picked; -1 while none is.</summary>
    public readonly int Index = index;

    /// <summary>Nothing summed, nothing picked: where sampling starts.</summary>
    public static Pick None => new(0.0f, -1);
}
