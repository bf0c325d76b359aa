using System.Runtime.CompilerServices;

namespace PolicyGradient.Kernels;

/// <summary>What the vector types share: their type by length, the float helpers their generated code calls, and conversions for host code.</summary>
public static class Vectors
{
    /// <summary>The longest vector type: observations and actions of up to 8 components.</summary>
    public const int MaxLength = 8;

    /// <summary>The vector type of length <paramref name="length"/> (1 to <see cref="MaxLength"/>).</summary>
    public static Type TypeOfLength(int length) => length switch
    {
        1 => typeof(Vector1),
        2 => typeof(Vector2),
        3 => typeof(Vector3),
        4 => typeof(Vector4),
        5 => typeof(Vector5),
        6 => typeof(Vector6),
        7 => typeof(Vector7),
        8 => typeof(Vector8),
        _ => throw new ArgumentOutOfRangeException(nameof(length), length, $"vectors have 1 to {MaxLength} components"),
    };

    /// <summary>The larger of the two, NaN if either is (PTX's max.f32 would return the number).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Max(float a, float b) => a != a || b != b ? a + b : (b > a ? b : a);

    /// <summary><paramref name="x"/> clipped to [low, high], NaN kept (as numpy.clip keeps it; PTX's min/max.f32 would not).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Clip(float x, float low, float high) => x < low ? low : x > high ? high : x;

    /// <summary>p log p, with 0 log 0 = 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float PLogP(float p) => p > 0.0f ? p * MathF.Log(p) : 0.0f;

    /// <summary>One step of inverse-CDF sampling (see <see cref="IVector{TSelf}.PickFromLast"/>): component <paramref name="index"/> with probability <paramref name="p"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pick PickNext(Pick picked, float p, float u, int index)
    {
        if (picked.Index >= 0)
            return picked;
        float cumulative = picked.Cumulative + p;
        return new Pick(cumulative, u < cumulative ? index : -1);
    }

    /// <summary>Every component, for host code.</summary>
    public static float[] ToArray<T>(T v) where T : unmanaged, IVector<T>
    {
        var values = new float[T.Length];
        for (int i = 0; i < values.Length; i++)
            values[i] = T.Get(v, i);
        return values;
    }

    /// <summary>The vector of these components, for host code.</summary>
    public static T FromArray<T>(ReadOnlySpan<float> values) where T : unmanaged, IVector<T>
    {
        if (values.Length != T.Length)
            throw new ArgumentException($"a vector of length {T.Length} needs {T.Length} values, got {values.Length}", nameof(values));
        T v = default;
        for (int i = 0; i < values.Length; i++)
            v = T.With(v, i, values[i]);
        return v;
    }
}
