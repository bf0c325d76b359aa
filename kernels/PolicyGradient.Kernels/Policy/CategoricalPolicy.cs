using System.Runtime.CompilerServices;
using ILGPU;
using ILGPU.Runtime;

namespace PolicyGradient.Kernels;

/// <summary>
/// The categorical head in float32 for device code: pi = softmax(logits), logits from <see cref="PolicyNetwork.Forward"/>.
/// Everything is written relative to action 0: the kernels keep pi(1..N-1|s), and
/// d log pi(a|s) / d logit_0 = -(the sum over the others), which holds exactly in real arithmetic
/// and makes the two-action case the familiar sigmoid of the logit gap, bit for bit.
/// </summary>
internal static class CategoricalPolicy
{
    /// <summary>pi(1..N-1|s): the softmax shifted by the largest logit, so exp never overflows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TOthers Probabilities<TOthers>(Logits<TOthers> logits) where TOthers : unmanaged, IVector<TOthers>
    {
        float max = TOthers.Max(logits.First, logits.Others);
        TOthers others = TOthers.ExpMinus(logits.Others, max);
        float sum = TOthers.Sum(MathF.Exp(logits.First - max), others);
        return TOthers.Divide(others, sum);
    }

    /// <summary>The action a uniform draw <paramref name="u"/> in [0, 1) picks: inverse CDF from action N-1 down to action 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Sample<TOthers>(TOthers probabilities, float u) where TOthers : unmanaged, IVector<TOthers>
    {
        Pick pick = TOthers.PickFromLast(probabilities, u, Pick.None, 1);
        return pick.Index < 0 ? 0 : pick.Index;
    }

    /// <summary>log pi(a|s), with pi(0|s) = 1 - the others' sum.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float LogProbability<TOthers>(TOthers probabilities, int action) where TOthers : unmanaged, IVector<TOthers> =>
        action == 0 ? MathF.Log(1.0f - TOthers.Sum(0.0f, probabilities)) : MathF.Log(TOthers.Get(probabilities, action - 1));

    /// <summary>-sum_a pi(a) log pi(a), with 0 log 0 = 0: a saturated policy has no entropy.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Entropy<TOthers>(TOthers probabilities) where TOthers : unmanaged, IVector<TOthers>
    {
        float p0 = 1.0f - TOthers.Sum(0.0f, probabilities);
        return -(TOthers.PLogP(probabilities) + (p0 > 0.0f ? p0 * MathF.Log(p0) : 0.0f));
    }

    /// <summary>w * d log pi(a|s) / d logit_k for k = 1..N-1 (logit 0's is minus their sum).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TOthers LogitGradient<TOthers>(TOthers probabilities, int action, float w) where TOthers : unmanaged, IVector<TOthers> =>
        TOthers.Scale(TOthers.OneHotMinus(probabilities, action - 1), w);
}
