namespace PolicyGradient.Kernels;

/// <summary>Gymnasium's MountainCar-v0 constants (mountain_car.py), float64.</summary>
internal static class MountainCarConstants
{
    public const double MinPosition = -1.2;
    public const double MaxPosition = 0.6;
    public const double MaxSpeed = 0.07;
    public const double GoalPosition = 0.5;
    public const double GoalVelocity = 0.0;
    public const double Force = 0.001;
    public const double Gravity = 0.0025;
    public const int ActionCount = 3;
    public const double ResetLow = -0.6;
    public const double ResetHigh = -0.4;
    /// <summary>TimeLimit's truncation: elapsed steps >= 200.</summary>
    public const int MaxEpisodeSteps = 200;
}
