namespace PolicyGradient.EnvironmentChecks;

/// <summary>Bitwise comparison of what two runs returned: the first index where they differ, or null.</summary>
internal static class Bits
{
    public static int? Differ(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length)
            return Math.Min(a.Length, b.Length);
        for (int i = 0; i < a.Length; i++)
        {
            if (BitConverter.DoubleToInt64Bits(a[i]) != BitConverter.DoubleToInt64Bits(b[i]))
                return i;
        }
        return null;
    }

    public static int? Differ(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
            return Math.Min(a.Length, b.Length);
        for (int i = 0; i < a.Length; i++)
        {
            if (BitConverter.SingleToInt32Bits(a[i]) != BitConverter.SingleToInt32Bits(b[i]))
                return i;
        }
        return null;
    }
}
