namespace PolicyGradient.Kernels;

/// <summary>
/// Gymnasium's Acrobot-v1 constants (acrobot.py: book dynamics, no torque noise), in float64 as
/// Gymnasium computes them: the velocity limits are 4 * pi and 9 * pi with numpy.pi = Math.PI.
/// </summary>
internal static class AcrobotConstants
{
    public const double Dt = 0.2;
    public const double LinkLength1 = 1.0;
    public const double LinkLength2 = 1.0;
    public const double LinkMass1 = 1.0;
    public const double LinkMass2 = 1.0;
    /// <summary>Position of each link's centre of mass along it.</summary>
    public const double LinkCenterOfMass1 = 0.5;
    public const double LinkCenterOfMass2 = 0.5;
    public const double LinkMomentOfInertia = 1.0;
    public const double MaxVelocity1 = 4 * Math.PI;
    public const double MaxVelocity2 = 9 * Math.PI;
    public const double Gravity = 9.8;
    public const int ActionCount = 3;
    public const double ResetLow = -0.1;
    public const double ResetHigh = 0.1;
    /// <summary>TimeLimit's truncation: elapsed steps >= 500.</summary>
    public const int MaxEpisodeSteps = 500;

    /// <summary>AVAIL_TORQUE = [-1.0, 0.0, +1]: action a applies torque a - 1.</summary>
    public static double Torque(int action) => action - 1.0;
}
