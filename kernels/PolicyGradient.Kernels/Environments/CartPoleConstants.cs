namespace PolicyGradient.Kernels;

/// <summary>
/// Gymnasium's CartPole-v1 constants in float64, computed as Gymnasium computes them (total
/// mass and pole-mass-length as sums and products in double, the angle limit as
/// 12 * 2 * pi / 360). The float64 reference environment uses them as they are; the float32
/// kernel step rounds each once.
/// </summary>
internal static class CartPoleConstants
{
    public const double Gravity = 9.8;
    public const double MassCart = 1.0;
    public const double MassPole = 0.1;
    public const double TotalMass = MassPole + MassCart;
    public const double Length = 0.5;
    public const double PoleMassLength = MassPole * Length;
    public const double ForceMag = 10.0;
    public const double Tau = 0.02;
    public const double ThetaThreshold = 12 * 2 * Math.PI / 360;
    public const double XThreshold = 2.4;
    public const double ResetLow = -0.05;
    public const double ResetHigh = 0.05;
    /// <summary>TimeLimit's truncation: elapsed steps >= 500.</summary>
    public const int MaxEpisodeSteps = 500;
}
