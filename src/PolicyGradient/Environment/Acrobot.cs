using PolicyGradient.Kernels;
using static PolicyGradient.Kernels.AcrobotConstants;

namespace PolicyGradient.Environment;

/// <summary>
/// Gymnasium's Acrobot-v1 (AcrobotEnv + TimeLimit(500)) in float64, bit for bit: the book
/// dynamics, one RK4 step over dt = 0.2 with Gymnasium's own grouping, libm trig, pow(x, 2.0)
/// for every `**2`, no torque noise. State [theta1, theta2, dtheta1, dtheta2].
/// </summary>
internal sealed class Acrobot() : GymnasiumEnvironment(GymnasiumId, 4, MaxEpisodeSteps)
{
    public const string GymnasiumId = "Acrobot-v1";

    /// <summary>Uniform in [-0.1, 0.1), rounded to float32: Gymnasium's reset stores the state as float32.</summary>
    public override float[] Reset(ulong streamKey)
    {
        Span<double> s = stackalloc double[4];
        for (int i = 0; i < 4; i++)
            s[i] = (float)(ResetLow + (ResetHigh - ResetLow) * CounterRandom.UniformDouble(streamKey, (ulong)i));
        return ResetTo(s);
    }

    /// <summary>
    /// ResetTo takes the state exactly. A state of float32 values (as Gymnasium's reset leaves it)
    /// is observed through NumPy's float32 cos/sin, as Gymnasium's reset observation is; any other
    /// (a float64 state, as after a step) through libm.
    /// </summary>
    protected override float[] ObserveReset()
    {
        bool float32State = true;
        foreach (double v in State)
            float32State &= (double)(float)v == v;
        return float32State ? Float32StateObservation() : Observation();
    }

    public override StepResult Step(int action)
    {
        if (action is < 0 or >= ActionCount)
            throw new ArgumentOutOfRangeException(nameof(action), action, "Acrobot actions are 0, 1, 2 (torque -1, 0, +1)");

        // np.append(state, torque): the (possibly float32) state widens to float64.
        Span<double> state = WritableState;
        ReadOnlySpan<double> y0 = [state[0], state[1], state[2], state[3], Torque(action)];
        Span<double> ns = stackalloc double[5];
        RungeKutta4(y0, ns);
        state[0] = Wrap(ns[0], -Math.PI, Math.PI);
        state[1] = Wrap(ns[1], -Math.PI, Math.PI);
        state[2] = Bound(ns[2], -MaxVelocity1, MaxVelocity1);
        state[3] = Bound(ns[3], -MaxVelocity2, MaxVelocity2);

        // The terminal test reads the float64 state, not the float32 observation.
        bool terminated = -Math.Cos(state[0]) - Math.Cos(state[1] + state[0]) > 1.0;
        double reward = terminated ? 0.0 : -1.0;
        return new StepResult(Observation(), reward, terminated, CountStep());
    }

    public override StepResult Step(ReadOnlySpan<float> action) => throw ActionKindMismatch.VectorGivenToDiscrete(Id);

    /// <summary>
    /// Gymnasium's rk4 over t = [0, dt], one step: k2..k4 at y0 + (dt / 2.0) * k and
    /// y0 + dt * k3, then y0 + dt / 6.0 * (((k1 + 2 * k2) + 2 * k3) + k4) elementwise; another
    /// grouping (dt * (...) / 6.0) changes the bits of every episode.
    /// </summary>
    private static void RungeKutta4(ReadOnlySpan<double> y0, Span<double> y1)
    {
        const double dt = Dt, dt2 = dt / 2.0;
        Span<double> k1 = stackalloc double[5], k2 = stackalloc double[5], k3 = stackalloc double[5], k4 = stackalloc double[5];
        Span<double> y = stackalloc double[5];
        Derivatives(y0, k1);
        for (int i = 0; i < 5; i++)
            y[i] = y0[i] + dt2 * k1[i];
        Derivatives(y, k2);
        for (int i = 0; i < 5; i++)
            y[i] = y0[i] + dt2 * k2[i];
        Derivatives(y, k3);
        for (int i = 0; i < 5; i++)
            y[i] = y0[i] + dt * k3[i];
        Derivatives(y, k4);
        for (int i = 0; i < 5; i++)
            y1[i] = y0[i] + dt / 6.0 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
    }

    /// <summary>
    /// Gymnasium's _dsdt, book branch, as written: Python's `x**2` is libm pow(x, 2.0), which
    /// differs from x * x in the last bit for about 0.08 % of inputs.
    /// </summary>
    private static void Derivatives(ReadOnlySpan<double> s, Span<double> ds)
    {
        const double m1 = LinkMass1, m2 = LinkMass2, l1 = LinkLength1, lc1 = LinkCenterOfMass1, lc2 = LinkCenterOfMass2;
        const double I1 = LinkMomentOfInertia, I2 = LinkMomentOfInertia, g = Gravity, pi = Math.PI;
        double a = s[4], theta1 = s[0], theta2 = s[1], dtheta1 = s[2], dtheta2 = s[3];
        double d1 = m1 * Square(lc1) + m2 * (Square(l1) + Square(lc2) + 2 * l1 * lc2 * Math.Cos(theta2)) + I1 + I2;
        double d2 = m2 * (Square(lc2) + l1 * lc2 * Math.Cos(theta2)) + I2;
        double phi2 = m2 * lc2 * g * Math.Cos(theta1 + theta2 - pi / 2.0);
        double phi1 = -m2 * l1 * lc2 * Square(dtheta2) * Math.Sin(theta2)
                      - 2 * m2 * l1 * lc2 * dtheta2 * dtheta1 * Math.Sin(theta2)
                      + (m1 * lc1 + m2 * l1) * g * Math.Cos(theta1 - pi / 2)
                      + phi2;
        double ddtheta2 = (a + d2 / d1 * phi1 - m2 * l1 * lc2 * Square(dtheta1) * Math.Sin(theta2) - phi2)
                          / (m2 * Square(lc2) + I2 - Square(d2) / d1);
        double ddtheta1 = -(d2 * ddtheta2 + phi1) / d1;
        ds[0] = dtheta1;
        ds[1] = dtheta2;
        ds[2] = ddtheta1;
        ds[3] = ddtheta2;
        ds[4] = 0.0;
    }

    private static double Square(double x) => Math.Pow(x, 2.0);

    /// <summary>Gymnasium's wrap: whole turns added or taken one at a time (not a modulo).</summary>
    private static double Wrap(double x, double m, double M)
    {
        double diff = M - m;
        while (x > M)
            x -= diff;
        while (x < m)
            x += diff;
        return x;
    }

    private static double Bound(double x, double m, double M) => Math.Min(Math.Max(x, m), M);

    private float[] Observation() =>
    [
        (float)Math.Cos(State[0]), (float)Math.Sin(State[0]), (float)Math.Cos(State[1]), (float)Math.Sin(State[1]),
        (float)State[2], (float)State[3],
    ];

    /// <summary>Gymnasium's _get_ob on a float32 state: np.cos/np.sin of np.float32 run NumPy's float32 kernel.</summary>
    private float[] Float32StateObservation()
    {
        float theta1 = (float)State[0], theta2 = (float)State[1];
        return
        [
            NumPyFloat32Trig.Cos(theta1), NumPyFloat32Trig.Sin(theta1), NumPyFloat32Trig.Cos(theta2), NumPyFloat32Trig.Sin(theta2),
            (float)State[2], (float)State[3],
        ];
    }
}
