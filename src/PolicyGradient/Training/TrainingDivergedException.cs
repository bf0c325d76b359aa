namespace PolicyGradient.Training;

/// <summary>
/// A loss, gradient or parameter became NaN or infinite: training cannot continue, and the
/// parameters of the iteration before are the last good ones.
/// </summary>
internal sealed class TrainingDivergedException(string message) : Exception(message)
{
    /// <summary>Throws if any value is not finite, naming what and at which update.</summary>
    public static void ThrowIfNotFinite(ReadOnlySpan<double> values, string what, string update)
    {
        for (int k = 0; k < values.Length; k++)
        {
            if (!double.IsFinite(values[k]))
                throw new TrainingDivergedException(
                    $"training diverged at {update}: the {what} is not finite ({values[k]} at index {k}); try a smaller --lr");
        }
    }
}
