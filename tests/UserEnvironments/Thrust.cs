using PolicyGradient.Kernels;

namespace UserEnvironments;

/// <summary>
/// A point on a line pushed by a continuous thrust in [-1, 1] (clipped, as a Box environment
/// declares): it pays its squared distance from 0 every step and is done once it rests near 0.
/// </summary>
public struct Thrust : IContinuousEnvironment<BalanceState, Vector2, Vector1>
{
    private const float Dt = 0.1f;

    public static string Id => "Thrust-v0";
    public static int MaxEpisodeSteps => 100;
    public static int ResetDraws => 1;
    public static Vector1 ActionLow => new(-1.0f);
    public static Vector1 ActionHigh => new(1.0f);

    public readonly BalanceState Reset(ulong streamKey) => new(-1.0f + 2.0f * CounterRandom.UniformFloat(streamKey, 0), 0.0f);

    public readonly Transition<BalanceState> Step(BalanceState s, Vector1 action)
    {
        float thrust = Vectors.Clip(action.X0, -1.0f, 1.0f);
        float velocity = s.Velocity + Dt * thrust;
        float x = s.X + Dt * velocity;
        bool resting = x > -0.05f && x < 0.05f && velocity > -0.05f && velocity < 0.05f;
        return new Transition<BalanceState>(new BalanceState(x, velocity), -x * x, resting);
    }

    public readonly Vector2 Observe(BalanceState s) => new(s.X, s.Velocity);
}
