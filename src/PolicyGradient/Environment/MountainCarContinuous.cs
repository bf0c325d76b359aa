using PolicyGradient.Kernels;
using static PolicyGradient.Kernels.MountainCarContinuousConstants;

namespace PolicyGradient.Environment;

/// <summary>
/// Gymnasium's MountainCarContinuous-v0 (Continuous_MountainCarEnv + TimeLimit(999)) in float64,
/// bit for bit under NumPy >= 2's promotion rules (NEP 50). Its state is a float64 array after
/// reset and a float32 array after every step, and a Python float meeting a np.float32 is first
/// rounded to float32, so the first step mixes float64 and float32 and later steps run in float32.
/// Python floats assigned by the clamps (0.07, 0.6, -1.2) and the clipped force (+-1.0) stay float64.
/// State [position, velocity].
/// </summary>
internal sealed class MountainCarContinuous() : GymnasiumEnvironment(GymnasiumId, 2, MaxEpisodeSteps)
{
    public const string GymnasiumId = "MountainCarContinuous-v0";

    /// <summary>Whether the state is Gymnasium's float32 array (after a step) rather than reset's float64 array.</summary>
    private bool _float32State;

    /// <summary>Position uniform in [-0.6, -0.4), velocity 0, as a float64 array like Gymnasium's reset.</summary>
    public override float[] Reset(ulong streamKey) =>
        ResetTo([ResetLow + (ResetHigh - ResetLow) * CounterRandom.UniformDouble(streamKey, 0), 0.0]);

    /// <summary>ResetTo holds the state as reset holds it, a float64 array: the next step is a first step.</summary>
    protected override float[] ObserveReset()
    {
        _float32State = false;
        return [(float)State[0], (float)State[1]];
    }

    public override StepResult Step(int action) => throw ActionKindMismatch.IntGivenToBox(Id);

    /// <summary>A one-element force, clipped to [-1, 1] for the dynamics; the reward charges the unclipped action.</summary>
    public override StepResult Step(ReadOnlySpan<float> action)
    {
        if (action.Length != 1)
            throw new ArgumentException($"a MountainCarContinuous action has 1 number, got {action.Length}", nameof(action));

        bool was32 = _float32State;
        Span<double> state = WritableState;
        double position = state[0], velocity = state[1];
        float a = action[0];
        // force = min(max(action[0], -1.0), 1.0): Python's max/min return the Python float bound when they clip.
        bool clipped = MinAction > a || MaxAction < a;
        double hill = Gravity * Math.Cos(was32 ? (double)(3f * (float)position) : 3 * position);
        // velocity += force * power - hill: float32 velocity stays float32, float64 stays float64.
        bool velocity32 = was32;
        if (clipped)
        {
            double push = (a < 0 ? MinAction : MaxAction) * Power - hill;
            velocity = was32 ? (float)velocity + (float)push : velocity + push;
        }
        else
        {
            float push = a * (float)Power - (float)hill;
            velocity = was32 ? (float)velocity + push : velocity + push;
        }
        if (velocity32 ? (float)velocity > (float)MaxSpeed : velocity > MaxSpeed)
        {
            velocity = MaxSpeed;
            velocity32 = false;
        }
        if (velocity32 ? (float)velocity < (float)-MaxSpeed : velocity < -MaxSpeed)
        {
            velocity = -MaxSpeed;
            velocity32 = false;
        }
        // A float32 position plus a float32 or a Python float stays float32; a float64 one stays float64.
        position = was32 ? (float)position + (float)velocity : position + velocity;
        bool position32 = was32;
        if (position32 ? (float)position > (float)MaxPosition : position > MaxPosition)
        {
            position = MaxPosition;
            position32 = false;
        }
        if (position32 ? (float)position < (float)MinPosition : position < MinPosition)
        {
            position = MinPosition;
            position32 = false;
        }
        if ((position32 ? (float)position == (float)MinPosition : position == MinPosition) && velocity < 0)
            velocity = 0;
        bool terminated = (position32 ? (float)position >= (float)GoalPosition : position >= GoalPosition) && velocity >= GoalVelocity;

        // `reward = 0` is a Python int, so a zero action pays 0 - 0.0 = +0.0, not -0.0.
        double reward = (terminated ? GoalReward : 0.0) - Math.Pow(a, 2.0) * ActionCost;
        state[0] = (float)position;
        state[1] = (float)velocity;
        _float32State = true;
        // The observation is the float32 state array itself.
        return new StepResult([(float)position, (float)velocity], reward, terminated, CountStep());
    }
}
