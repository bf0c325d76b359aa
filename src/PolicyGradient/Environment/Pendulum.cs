using PolicyGradient.Kernels;
using static PolicyGradient.Kernels.PendulumConstants;

namespace PolicyGradient.Environment;

/// <summary>
/// Gymnasium's Pendulum-v1 (PendulumEnv with g = 10.0 + TimeLimit(200)) in float64, bit for bit
/// under NumPy >= 2's promotion rules: the clipped torque stays float32, so `u**2`, `0.001 * u**2`
/// and `3.0 * u` are float32 operations. State [theta, theta_dot]; theta is never wrapped.
/// Never terminates.
/// </summary>
internal sealed class Pendulum() : GymnasiumEnvironment(GymnasiumId, 2, MaxEpisodeSteps)
{
    public const string GymnasiumId = "Pendulum-v1";

    /// <summary>The clipped torque of the last step, null after a reset: Gymnasium's last_u, which its rendering draws.</summary>
    public float? LastTorque { get; private set; }

    /// <summary>Theta uniform in [-pi, pi), theta_dot in [-1, 1).</summary>
    public override float[] Reset(ulong streamKey)
    {
        const double angleLow = -ResetAngleHigh, velocityLow = -ResetVelocityHigh;
        return ResetTo(
        [
            angleLow + (ResetAngleHigh - angleLow) * CounterRandom.UniformDouble(streamKey, 0),
            velocityLow + (ResetVelocityHigh - velocityLow) * CounterRandom.UniformDouble(streamKey, 1),
        ]);
    }

    public override StepResult Step(int action) => throw ActionKindMismatch.IntGivenToBox(Id);

    /// <summary>A one-element torque, clipped to [-2, 2] for both the cost and the dynamics.</summary>
    public override StepResult Step(ReadOnlySpan<float> action)
    {
        if (action.Length != 1)
            throw new ArgumentException($"a Pendulum action has 1 number, got {action.Length}", nameof(action));

        Span<double> state = WritableState;
        double th = state[0], thdot = state[1];
        float u = Math.Clamp(action[0], (float)-MaxTorque, (float)MaxTorque);
        LastTorque = u;
        // The cost reads the old state; Python's `x**2` on a float64 is pow(x, 2.0), on a float32 powf(x, 2).
        double costs = Math.Pow(AngleNormalize(th), 2.0) + 0.1 * Math.Pow(thdot, 2.0) + (double)(0.001f * MathF.Pow(u, 2f));
        double newthdot = thdot + (3 * Gravity / (2 * Length) * Math.Sin(th) + (double)((float)(3.0 / (Mass * Math.Pow(Length, 2.0))) * u)) * Dt;
        newthdot = Math.Clamp(newthdot, -MaxSpeed, MaxSpeed);
        double newth = th + newthdot * Dt;
        state[0] = newth;
        state[1] = newthdot;
        return new StepResult(Observation(), -costs, false, CountStep());
    }

    /// <summary>((x + pi) % (2 * pi)) - pi with Python's floor modulo; C#'s % (fmod) differs for negative x.</summary>
    private static double AngleNormalize(double x) => FloorModulo(x + Math.PI, 2 * Math.PI) - Math.PI;

    /// <summary>NumPy's float remainder: fmod, moved into the divisor's sign; a zero takes the divisor's sign.</summary>
    private static double FloorModulo(double a, double b)
    {
        double r = a % b;
        if (r == 0)
            return Math.CopySign(0.0, b);
        return (b < 0) != (r < 0) ? r + b : r;
    }

    protected override float[] ObserveReset()
    {
        LastTorque = null;
        return Observation();
    }

    private float[] Observation() => [(float)Math.Cos(State[0]), (float)Math.Sin(State[0]), (float)State[1]];
}
