using System.Runtime.CompilerServices;
using ILGPU;
using ILGPU.Runtime;

namespace PolicyGradient.Kernels;

/// <summary>The Gaussian head in the rollout kernel: mean + std z, two draws per action dimension, the unclipped draw recorded with the mean.</summary>
internal readonly struct GaussianRollout<TEnvironment, TState, TObservation, TAction>
    : IRolloutHead<TEnvironment, TState, TObservation, TAction, GaussianHead<TAction>, GaussianSample<TAction>>
    where TEnvironment : unmanaged, IContinuousEnvironment<TState, TObservation, TAction>
    where TState : unmanaged
    where TObservation : unmanaged, IVector<TObservation>
    where TAction : unmanaged, IVector<TAction>
{
    public static int DrawsPerStep => GaussianPolicy.DrawsPerAction(TAction.Length);

    /// <summary>A Gaussian unit's Out0 is zero and its first output is a mean like the others: logit 0 is not used.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Logits<TAction> OutputBias(GaussianHead<TAction> head) => new(0.0f, head.Bias);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static GaussianSample<TAction> Decide(GaussianHead<TAction> head, Logits<TAction> outputs, ulong key, ulong firstDraw) =>
        new() { Action = GaussianPolicy.Sample(outputs.Others, head.Std, key, firstDraw), Mean = outputs.Others };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Transition<TState> Step(TEnvironment environment, TState state, GaussianSample<TAction> decision) => environment.Step(state, decision.Action);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static GaussianSample<TAction> WithReward(GaussianSample<TAction> decision, float reward) =>
        new() { Action = decision.Action, Mean = decision.Mean, Reward = reward };
}

/// <summary>The Gaussian head in the gradient kernel: d log pi / d mean from the unclipped draw, and fc2.bias, log_std, the loss and the entropy.</summary>
internal readonly struct GaussianGradient<TAction> : IGradientHead<TAction, GaussianHead<TAction>, GaussianSample<TAction>, GaussianSums<TAction>>
    where TAction : unmanaged, IVector<TAction>
{
    public static PolicyHead Head => PolicyHead.Gaussian;

    public static int Actions => TAction.Length;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TAction OutputGradient(GaussianSample<TAction> sample, GaussianHead<TAction> head, float w) =>
        GaussianPolicy.Gradient(sample.Action, sample.Mean, head.Std, head.LogStd, w).Mean;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static GaussianSums<TAction> Add(GaussianSums<TAction> sums, GaussianSample<TAction> sample, GaussianHead<TAction> head, TAction outputGradient, float w)
    {
        GaussianStepGradient<TAction> step = GaussianPolicy.Gradient(sample.Action, sample.Mean, head.Std, head.LogStd, w);
        return new GaussianSums<TAction>
        {
            Bias = TAction.Add(sums.Bias, outputGradient),
            LogStd = TAction.Add(sums.LogStd, step.LogStd),
            Loss = sums.Loss + w * step.LogProbability,
        };
    }

    public static void WriteUnitOutputs(ArrayView2D<double, Stride2D.DenseX> gradients, int env, int first, int stride, TAction unitOut) =>
        Write(gradients, env, first, stride, unitOut);

    public static void WriteSums(ArrayView2D<double, Stride2D.DenseX> gradients, int env, PolicyLayout layout, GaussianSums<TAction> sums, GaussianHead<TAction> head, int steps)
    {
        Write(gradients, env, layout.Fc2Bias, 1, sums.Bias);
        Write(gradients, env, layout.LogStd, 1, sums.LogStd);
        gradients[GradientKernel.LossColumn(layout.Count), env] = sums.Loss;
        gradients[GradientKernel.EntropyColumn(layout.Count), env] = steps * GaussianPolicy.Entropy(head.LogStd);
    }

    /// <summary>Writes the A columns first, first + stride, ...</summary>
    private static void Write(ArrayView2D<double, Stride2D.DenseX> gradients, int env, int first, int stride, TAction values)
    {
        for (int k = 0; k < TAction.Length; k++)
            gradients[first + k * stride, env] = TAction.Get(values, k);
    }
}

/// <summary>An episode's sums of the Gaussian head: fc2.bias's and log_std's gradients and the loss.</summary>
internal struct GaussianSums<TAction> where TAction : unmanaged, IVector<TAction>
{
    // The vectors first: see Logits.
    public TAction Bias;
    public TAction LogStd;
    public float Loss;
}
