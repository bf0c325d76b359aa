namespace PolicyGradient.Kernels;

/// <summary>
/// One row per environment (and, after reduction, one row for the batch) of what an episode
/// contributes to the update. With g_t = grad log pi(a_t|s_t):
/// WeightedGradient = sum_t w_t g_t (reward-to-go: w_t = G_t; seed: w_t = (R - offset) / T),
/// Gradient = sum_t g_t (lets the host subtract a baseline b and divide by a scale s after the
/// reduction: sum_t (G_t - b) / s * g_t = (WG - b * G) / s), then episode statistics.
/// </summary>
public readonly struct EpisodeSums
{
    public const int Steps = 0;
    public const int ReturnSum = 1;
    public const int ReturnMin = 2;
    public const int ReturnMax = 3;
    public const int ReturnsToGoSum = 4;
    public const int ReturnsToGoSquaredSum = 5;
    public const int Episodes = 6;
    public const int StatisticsCount = 7;

    public readonly int ParameterCount;

    public EpisodeSums(int parameterCount) => ParameterCount = parameterCount;

    public int WeightedGradient => 0;
    public int Gradient => ParameterCount;
    public int Statistics => 2 * ParameterCount;
    public int Width => 2 * ParameterCount + StatisticsCount;
}
