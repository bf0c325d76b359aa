using System.Runtime.CompilerServices;

namespace PolicyGradient.Kernels;

/// <summary>
/// A diagonal Gaussian head in float32 for device code, as Spinning Up's VPG and CleanRL's
/// continuous scripts have it: the network's outputs (<see cref="PolicyNetwork.Forward"/>) are the
/// means, and a state-independent log_std per action dimension sets the spread. Actions are drawn
/// unclipped (the environment clips what it receives); log pi and its gradient use the unclipped draw.
/// </summary>
internal static class GaussianPolicy
{
    /// <summary>log(2 pi) / 2.</summary>
    public const float HalfLogTwoPi = 0.918938533204672742f;

    /// <summary>Counter-based draws one action takes: two per dimension (<see cref="CounterRandom.NormalFloat"/>).</summary>
    public static int DrawsPerAction(int dimensions) => 2 * dimensions;

    /// <summary>mean + std * z with z_k standard normal from draws firstDraw + 2k, firstDraw + 2k + 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TAction Sample<TAction>(TAction mean, TAction std, ulong key, ulong firstDraw) where TAction : unmanaged, IVector<TAction>
    {
        TAction action = mean;
        for (int k = 0; k < TAction.Length; k++)
            action = TAction.With(action, k, TAction.Get(mean, k) + TAction.Get(std, k) * CounterRandom.NormalFloat(key, firstDraw + (ulong)(2 * k)));
        return action;
    }

    /// <summary>sum_k 1/2 + log(2 pi)/2 + log_std_k: the same for every state.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Entropy<TAction>(TAction logStd) where TAction : unmanaged, IVector<TAction> =>
        TAction.Sum(TAction.Length * (0.5f + HalfLogTwoPi), logStd);

    /// <summary>
    /// w * d log pi(a|s) / d (mean, log_std) and log pi(a|s) itself, with z = (a - mean) / std:
    /// d/d mean_k = z_k / std_k, d/d log_std_k = z_k^2 - 1, log pi = sum_k -z_k^2/2 - log_std_k - log(2 pi)/2.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static GaussianStepGradient<TAction> Gradient<TAction>(TAction action, TAction mean, TAction std, TAction logStd, float w)
        where TAction : unmanaged, IVector<TAction>
    {
        TAction dMean = default, dLogStd = default;
        float logProbability = 0.0f;
        for (int k = 0; k < TAction.Length; k++)
        {
            float sigma = TAction.Get(std, k);
            float z = (TAction.Get(action, k) - TAction.Get(mean, k)) / sigma;
            dMean = TAction.With(dMean, k, w * z / sigma);
            dLogStd = TAction.With(dLogStd, k, w * (z * z - 1.0f));
            logProbability += -0.5f * z * z - TAction.Get(logStd, k) - HalfLogTwoPi;
        }
        return new GaussianStepGradient<TAction>(dMean, dLogStd, logProbability);
    }
}

/// <summary>One step's weighted gradient for the means and log_std, and its log pi (a value, so kernels keep it in registers).</summary>
internal readonly struct GaussianStepGradient<TAction>(TAction mean, TAction logStd, float logProbability)
    where TAction : unmanaged, IVector<TAction>
{
    public readonly TAction Mean = mean;
    public readonly TAction LogStd = logStd;
    public readonly float LogProbability = logProbability;
}

/// <summary>One agent's Gaussian head besides the hidden units: fc2.bias (the means' bias), log_std, and exp(log_std) as the host computed it.</summary>
internal struct GaussianHead<TAction> where TAction : unmanaged, IVector<TAction>
{
    public TAction Bias;
    public TAction LogStd;
    public TAction Std;
}

/// <summary>What the gradient kernel needs of one recorded step of a Gaussian policy besides the observation.</summary>
internal struct GaussianSample<TAction> : IRecordedStep where TAction : unmanaged, IVector<TAction>
{
    /// <summary>The unclipped draw.</summary>
    public TAction Action;
    /// <summary>The policy's mean for that step's observation.</summary>
    public TAction Mean;
    public float Reward;

    readonly float IRecordedStep.Reward => Reward;
}
