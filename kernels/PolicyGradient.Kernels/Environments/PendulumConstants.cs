namespace PolicyGradient.Kernels;

/// <summary>Gymnasium's Pendulum-v1 constants (pendulum.py, default g = 10.0), float64.</summary>
internal static class PendulumConstants
{
    public const double MaxSpeed = 8.0;
    public const double MaxTorque = 2.0;
    public const double Dt = 0.05;
    public const double Gravity = 10.0;
    public const double Mass = 1.0;
    public const double Length = 1.0;
    /// <summary>Reset draws theta in [-pi, pi) and theta_dot in [-1, 1) (DEFAULT_X, DEFAULT_Y).</summary>
    public const double ResetAngleHigh = Math.PI;
    public const double ResetVelocityHigh = 1.0;
    /// <summary>TimeLimit's truncation: elapsed steps >= 200.</summary>
    public const int MaxEpisodeSteps = 200;
}
