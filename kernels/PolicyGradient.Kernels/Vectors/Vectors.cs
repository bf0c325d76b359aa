using System.Runtime.CompilerServices;

namespace PolicyGradient.Kernels;

/// <summary>
/// The vectors of each length as an environment writes them: <c>Vectors.Of(x, x_dot, theta, theta_dot)</c>.
/// Length n is <see cref="Pair{TA, TB}"/> of the first ceil(n/2) and the last floor(n/2), the shape
/// <see cref="TypeOfLength"/> builds for the host.
/// </summary>
public static class Vectors
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Scalar Of(float a) => new(a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pair<Scalar, Scalar> Of(float a, float b) => new(new(a), new(b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pair<Pair<Scalar, Scalar>, Scalar> Of(float a, float b, float c) => new(Of(a, b), new(c));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pair<Pair<Scalar, Scalar>, Pair<Scalar, Scalar>> Of(float a, float b, float c, float d) => new(Of(a, b), Of(c, d));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pair<Pair<Pair<Scalar, Scalar>, Scalar>, Pair<Scalar, Scalar>> Of(float a, float b, float c, float d, float e) => new(Of(a, b, c), Of(d, e));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pair<Pair<Pair<Scalar, Scalar>, Scalar>, Pair<Pair<Scalar, Scalar>, Scalar>> Of(float a, float b, float c, float d, float e, float f) =>
        new(Of(a, b, c), Of(d, e, f));

    /// <summary>The vector type of length <paramref name="length"/> in the shape <see cref="Of(float, float)"/> and its siblings build.</summary>
    public static Type TypeOfLength(int length)
    {
        if (length < 1)
            throw new ArgumentOutOfRangeException(nameof(length), length, "a vector has at least one component");
        if (length == 1)
            return typeof(Scalar);
        int first = (length + 1) / 2;
        return typeof(Pair<,>).MakeGenericType(TypeOfLength(first), TypeOfLength(length - first));
    }

    /// <summary>Every component, for host code.</summary>
    public static float[] ToArray<T>(T v) where T : unmanaged, IVector<T>
    {
        var values = new float[T.Length];
        for (int i = 0; i < values.Length; i++)
            values[i] = T.Get(v, i);
        return values;
    }

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
