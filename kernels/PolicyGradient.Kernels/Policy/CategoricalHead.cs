using System.Runtime.CompilerServices;
using ILGPU;
using ILGPU.Runtime;

namespace PolicyGradient.Kernels;

/// <summary>The categorical head in the rollout kernel: a softmax draw by inverse CDF from one uniform draw per step.</summary>
internal readonly struct CategoricalRollout<TEnvironment, TState, TObservation, TOthers>
    : IRolloutHead<TEnvironment, TState, TObservation, TOthers, Logits<TOthers>, ActionSample<TOthers>>
    where TEnvironment : unmanaged, IDiscreteEnvironment<TState, TObservation>
    where TState : unmanaged
    where TObservation : unmanaged, IVector<TObservation>
    where TOthers : unmanaged, IVector<TOthers>
{
    public static int DrawsPerStep => 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Logits<TOthers> OutputBias(Logits<TOthers> head) => head;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ActionSample<TOthers> Decide(Logits<TOthers> head, Logits<TOthers> outputs, ulong key, ulong firstDraw)
    {
        TOthers probabilities = CategoricalPolicy.Probabilities(outputs);
        return new ActionSample<TOthers> { Action = CategoricalPolicy.Sample(probabilities, CounterRandom.UniformFloat(key, firstDraw)), Probabilities = probabilities };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Transition<TState> Step(TEnvironment environment, TState state, ActionSample<TOthers> decision) => environment.Step(state, decision.Action);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ActionSample<TOthers> WithReward(ActionSample<TOthers> decision, float reward) =>
        new() { Action = decision.Action, Reward = reward, Probabilities = decision.Probabilities };
}

/// <summary>The categorical head in the gradient kernel: logit gradients relative to action 0, fc2.bias, the loss and the entropy.</summary>
internal readonly struct CategoricalGradient<TOthers> : IGradientHead<TOthers, Logits<TOthers>, ActionSample<TOthers>, CategoricalSums<TOthers>>
    where TOthers : unmanaged, IVector<TOthers>
{
    public static PolicyHead Head => PolicyHead.Categorical;

    public static int Actions => TOthers.Length + 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TOthers OutputGradient(ActionSample<TOthers> sample, Logits<TOthers> head, float w) =>
        CategoricalPolicy.LogitGradient(sample.Probabilities, sample.Action, w);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static CategoricalSums<TOthers> Add(CategoricalSums<TOthers> sums, ActionSample<TOthers> sample, Logits<TOthers> head, TOthers outputGradient, float w) => new()
    {
        Bias = TOthers.Add(sums.Bias, outputGradient),
        Loss = sums.Loss + w * CategoricalPolicy.LogProbability(sample.Probabilities, sample.Action),
        Entropy = sums.Entropy + CategoricalPolicy.Entropy(sample.Probabilities),
    };

    public static void WriteUnitOutputs(ArrayView2D<double, Stride2D.DenseX> gradients, int env, int first, int stride, TOthers unitOut) =>
        WriteRelativeToFirst(gradients, env, first, stride, unitOut);

    public static void WriteSums(ArrayView2D<double, Stride2D.DenseX> gradients, int env, PolicyLayout layout, CategoricalSums<TOthers> sums, Logits<TOthers> head, int steps)
    {
        WriteRelativeToFirst(gradients, env, layout.Fc2Bias, 1, sums.Bias);
        gradients[GradientKernel.LossColumn(layout.Count), env] = sums.Loss;
        gradients[GradientKernel.EntropyColumn(layout.Count), env] = sums.Entropy;
    }

    /// <summary>Writes the N columns first, first + stride, ...: the N-1 others as they are, and the first as minus their sum.</summary>
    private static void WriteRelativeToFirst(ArrayView2D<double, Stride2D.DenseX> gradients, int env, int first, int stride, TOthers others)
    {
        gradients[first, env] = -TOthers.Sum(0.0f, others);
        for (int k = 0; k < TOthers.Length; k++)
            gradients[first + (k + 1) * stride, env] = TOthers.Get(others, k);
    }
}

/// <summary>An episode's sums of the categorical head: fc2.bias's gradient (actions 1..N-1), the loss and the entropy.</summary>
internal struct CategoricalSums<TOthers> where TOthers : unmanaged, IVector<TOthers>
{
    // The vector first: see Logits.
    public TOthers Bias;
    public float Loss;
    public float Entropy;
}
