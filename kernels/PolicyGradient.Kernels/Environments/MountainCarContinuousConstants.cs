namespace PolicyGradient.Kernels;

/// <summary>
/// Gymnasium's MountainCarContinuous-v0 constants (continuous_mountain_car.py), float64 as the
/// source writes them. Under NumPy >= 2 each meets float32 values as its float32 rounding in
/// some steps; the reference environment rounds them where Gymnasium does.
/// </summary>
internal static class MountainCarContinuousConstants
{
    public const double MinAction = -1.0;
    public const double MaxAction = 1.0;
    public const double MinPosition = -1.2;
    public const double MaxPosition = 0.6;
    public const double MaxSpeed = 0.07;
    public const double GoalPosition = 0.45;
    public const double GoalVelocity = 0.0;
    public const double Power = 0.0015;
    /// <summary>The literal 0.0025 in `velocity += force * power - 0.0025 * math.cos(3 * position)`.</summary>
    public const double Gravity = 0.0025;
    public const double GoalReward = 100.0;
    /// <summary>The reward pays 0.1 * action^2 per step.</summary>
    public const double ActionCost = 0.1;
    public const double ResetLow = -0.6;
    public const double ResetHigh = -0.4;
    /// <summary>TimeLimit's truncation: elapsed steps >= 999.</summary>
    public const int MaxEpisodeSteps = 999;
}
