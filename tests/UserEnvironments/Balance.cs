using PolicyGradient.Kernels;

namespace UserEnvironments;

public struct BalanceState(float x, float velocity)
{
    public float X = x;
    public float Velocity = velocity;
}

/// <summary>
/// Keep an unstable point near 0: it drifts away from 0 faster the further it is; push left (0),
/// not at all (1) or right (2). 1 per step while |x| stays within 1. No parameters: it has no
/// Default, so it trains with default(Balance).
/// </summary>
public struct Balance : IDiscreteEnvironment<BalanceState, Vector2>
{
    private const float Dt = 0.05f;
    private const float Push = 1.0f;
    private const float Instability = 2.0f;

    public static string Id => "Balance-v0";
    public static int MaxEpisodeSteps => 100;
    public static int ResetDraws => 2;
    public static int Actions => 3;

    public readonly BalanceState Reset(ulong streamKey) => new(
        -0.2f + 0.4f * CounterRandom.UniformFloat(streamKey, 0),
        -0.2f + 0.4f * CounterRandom.UniformFloat(streamKey, 1));

    public readonly Transition<BalanceState> Step(BalanceState s, int action)
    {
        float acceleration = Instability * s.X + Push * (action - 1);
        float velocity = s.Velocity + Dt * acceleration;
        float x = s.X + Dt * velocity;
        return new Transition<BalanceState>(new BalanceState(x, velocity), 1.0f, x < -1.0f || x > 1.0f);
    }

    public readonly Vector2 Observe(BalanceState s) => new(s.X, s.Velocity);
}
