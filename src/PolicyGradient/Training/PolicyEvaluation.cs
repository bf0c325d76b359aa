using PolicyGradient.Environment;
using PolicyGradient.Kernels;
using PolicyGradient.Policy;

namespace PolicyGradient.Training;

/// <summary>One played episode: what it paid and how many steps it lasted.</summary>
internal readonly record struct EpisodeResult(double Return, int Length);

/// <summary>
/// Plays a policy (pgvec's own forward or an ONNX model) on the Gymnasium-exact float64
/// environment on the host, one episode at a time: episode e of seed s always starts from the
/// same state, whichever way actions are chosen.
/// </summary>
internal static class PolicyEvaluation
{
    private const ulong EvaluationStream = 0xE7A1;

    public static EpisodeResult[] Play(IPolicyNetwork policy, EnvironmentDefinition environment, int episodes, ulong seed, ActionChoice choice)
    {
        IReferenceEnvironment env = environment.CreateReference();
        var results = new EpisodeResult[episodes];
        for (int e = 0; e < episodes; e++)
            results[e] = PlayEpisode(policy, env, environment.Device, e, seed, choice);
        return results;
    }

    /// <summary>
    /// Plays episode <paramref name="index"/> until termination or truncation;
    /// <paramref name="onState"/> sees the float64 state after the reset and after every step.
    /// </summary>
    public static EpisodeResult PlayEpisode(IPolicyNetwork policy, IReferenceEnvironment env, DeviceEnvironment shape, int index, ulong seed, ActionChoice choice,
        Action<IReferenceEnvironment>? onState = null)
    {
        ulong key = CounterRandom.StreamKey(seed, EvaluationStream, (ulong)index);
        float[] obs = env.Reset(key);
        onState?.Invoke(env);
        Span<double> logits = stackalloc double[shape.Actions];
        double total = 0.0;
        for (int t = 0; ; t++)
        {
            var step = PolicyAction.Choose(policy, obs, key, t, shape.ResetDraws, choice, logits).StepOn(env);
            onState?.Invoke(env);
            total += step.Reward;
            obs = step.Observation;
            if (step.Terminated || step.Truncated)
                return new EpisodeResult(total, t + 1);
        }
    }
}
