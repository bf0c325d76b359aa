using PolicyGradient.Kernels;
using static PolicyGradient.Kernels.MountainCarConstants;

namespace PolicyGradient.Environment;

/// <summary>
/// Gymnasium's MountainCar-v0 (MountainCarEnv + TimeLimit(200)) in float64, bit for bit. It uses
/// math.cos (libm) and Python floats only, so its bits do not depend on the NumPy version.
/// State [position, velocity].
/// </summary>
internal sealed class MountainCar() : GymnasiumEnvironment(GymnasiumId, 2, MaxEpisodeSteps)
{
    public const string GymnasiumId = "MountainCar-v0";

    /// <summary>Position uniform in [-0.6, -0.4), velocity 0; the range is -0.4 - -0.6 = 0.19999999999999996 as Gymnasium computes it.</summary>
    public override float[] Reset(ulong streamKey) =>
        ResetTo([ResetLow + (ResetHigh - ResetLow) * CounterRandom.UniformDouble(streamKey, 0), 0.0]);

    public override StepResult Step(int action)
    {
        if (action is < 0 or >= ActionCount)
            throw new ArgumentOutOfRangeException(nameof(action), action, "MountainCar actions are 0, 1, 2 (push left, none, right)");

        Span<double> state = WritableState;
        double position = state[0], velocity = state[1];
        // Velocity first, then the position moves by the new velocity.
        velocity += (action - 1) * Force + Math.Cos(3 * position) * -Gravity;
        velocity = Math.Clamp(velocity, -MaxSpeed, MaxSpeed);
        position += velocity;
        position = Math.Clamp(position, MinPosition, MaxPosition);
        if (position == MinPosition && velocity < 0)
            velocity = 0;
        state[0] = position;
        state[1] = velocity;

        bool terminated = position >= GoalPosition && velocity >= GoalVelocity;
        // -1 on every step, the terminating one included.
        return new StepResult(Observation(), -1.0, terminated, CountStep());
    }

    public override StepResult Step(ReadOnlySpan<float> action) => throw ActionKindMismatch.VectorGivenToDiscrete(Id);

    protected override float[] ObserveReset() => Observation();

    private float[] Observation() => [(float)State[0], (float)State[1]];
}
