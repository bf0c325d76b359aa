using PolicyGradient.Kernels;
using static PolicyGradient.Kernels.CartPoleConstants;

namespace PolicyGradient.Environment;

/// <summary>
/// Gymnasium's CartPole-v1 (CartPoleEnv + TimeLimit(500)) in float64, bit for bit: the same
/// constants, the same order of IEEE operations (no fused multiply-add), float32 observations.
/// This is the reference the float32 kernel step is measured against.
/// </summary>
internal sealed class CartPole : IReferenceEnvironment
{
    public const string GymnasiumId = "CartPole-v1";
    public const int MaxEpisodeSteps = CartPoleConstants.MaxEpisodeSteps;

    private readonly double[] _state = new double[4];
    private readonly EpisodeBookkeeping _episode;

    public CartPole(bool suttonBartoReward = false) => _episode = new EpisodeBookkeeping(suttonBartoReward);

    public string Id => GymnasiumId;

    public bool SuttonBartoReward => _episode.SuttonBartoReward;

    /// <summary>The float64 internal state [x, x_dot, theta, theta_dot].</summary>
    public ReadOnlySpan<double> State => _state;

    public int ElapsedSteps => _episode.ElapsedSteps;

    /// <summary>Gymnasium's steps_beyond_terminated: null while alive, 0 on the terminating step.</summary>
    public int? StepsBeyondTerminated => _episode.StepsBeyondTerminated;

    /// <summary>Uniform reset in [-0.05, 0.05) from the stream with this key.</summary>
    public float[] Reset(ulong streamKey)
    {
        Span<double> s = stackalloc double[4];
        for (int i = 0; i < 4; i++)
            s[i] = ResetLow + (ResetHigh - ResetLow) * CounterRandom.UniformDouble(streamKey, (ulong)i);
        return ResetTo(s);
    }

    /// <summary>Starts an episode from a given state (Gymnasium: env.unwrapped.state = ...).</summary>
    public float[] ResetTo(ReadOnlySpan<double> state)
    {
        if (state.Length != 4)
            throw new ArgumentException($"a CartPole state has 4 numbers, got {state.Length}", nameof(state));
        state.CopyTo(_state);
        _episode.Reset();
        return Observation();
    }

    public StepResult Step(int action)
    {
        if (action is not (0 or 1))
            throw new ArgumentOutOfRangeException(nameof(action), action, "CartPole actions are 0 (push left) or 1 (push right)");

        double x = _state[0], xDot = _state[1], theta = _state[2], thetaDot = _state[3];
        double force = action == 1 ? ForceMag : -ForceMag;
        double cos = Math.Cos(theta);
        double sin = Math.Sin(theta);
        double temp = (force + PoleMassLength * (thetaDot * thetaDot) * sin) / TotalMass;
        double thetaAcc = (Gravity * sin - cos * temp) / (Length * (4.0 / 3.0 - MassPole * (cos * cos) / TotalMass));
        double xAcc = temp - PoleMassLength * thetaAcc * cos / TotalMass;
        _state[0] = x + Tau * xDot;
        _state[1] = xDot + Tau * xAcc;
        _state[2] = theta + Tau * thetaDot;
        _state[3] = thetaDot + Tau * thetaAcc;

        bool terminated = _state[0] < -XThreshold || _state[0] > XThreshold
                          || _state[2] < -ThetaThreshold || _state[2] > ThetaThreshold;
        var (reward, truncated) = _episode.Record(terminated);
        return new StepResult(Observation(), reward, terminated, truncated);
    }

    StepResult IReferenceEnvironment.Step(ReadOnlySpan<float> action) => throw ActionKindMismatch.VectorGivenToDiscrete(Id);

    private float[] Observation() =>
        [(float)_state[0], (float)_state[1], (float)_state[2], (float)_state[3]];
}
