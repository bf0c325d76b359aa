using ILGPU;
using ILGPU.Runtime;

namespace PolicyGradient.Kernels;

/// <summary>
/// What the rollout kernel asks of a policy head, at compile time (a struct's static members, so
/// every call is resolved and inlined): how it turns the network's outputs into an action and the
/// record the gradient kernel reads, and how its environment takes that action.
/// </summary>
/// <typeparam name="THead">One agent's head parameters besides the hidden units.</typeparam>
/// <typeparam name="TSample">One recorded step.</typeparam>
internal interface IRolloutHead<TEnvironment, TState, TObservation, TOut, THead, TSample>
    where TEnvironment : unmanaged, IEnvironment<TState, TObservation>
    where TState : unmanaged
    where TObservation : unmanaged, IVector<TObservation>
    where TOut : unmanaged, IVector<TOut>
    where THead : unmanaged
    where TSample : unmanaged, IRecordedStep
{
    /// <summary>Counter-based draws one action takes: action t draws from ResetDraws + t * DrawsPerStep on.</summary>
    static abstract int DrawsPerStep { get; }

    /// <summary>fc2.bias as the forward pass starts from it.</summary>
    static abstract Logits<TOut> OutputBias(THead head);

    /// <summary>The action for the network's <paramref name="outputs"/> from draws <paramref name="firstDraw"/> on, as a record whose reward is not yet known.</summary>
    static abstract TSample Decide(THead head, Logits<TOut> outputs, ulong key, ulong firstDraw);

    /// <summary>The environment's step with the decided action.</summary>
    static abstract Transition<TState> Step(TEnvironment environment, TState state, TSample decision);

    /// <summary>The record with the reward the step paid.</summary>
    static abstract TSample WithReward(TSample decision, float reward);
}

/// <summary>
/// What the gradient kernel asks of a policy head: d log pi / d outputs for a recorded step (every
/// hidden unit's gradient follows from it), and the sums only the head has (fc2.bias, a Gaussian's
/// log_std, the loss and the entropy), kept in <typeparamref name="TSums"/> and written into the row.
/// </summary>
internal interface IGradientHead<TOut, THead, TSample, TSums>
    where TOut : unmanaged, IVector<TOut>
    where THead : unmanaged
    where TSample : unmanaged, IRecordedStep
    where TSums : unmanaged
{
    /// <summary>The policy's shape besides its observations and hidden units.</summary>
    static abstract PolicyHead Head { get; }

    /// <summary>N discrete actions, or A action dimensions.</summary>
    static abstract int Actions { get; }

    /// <summary>w * d log pi(a|s) / d outputs of the recorded step.</summary>
    static abstract TOut OutputGradient(TSample sample, THead head, float w);

    /// <summary>The head's sums with the step added; <paramref name="outputGradient"/> is <see cref="OutputGradient"/>'s.</summary>
    static abstract TSums Add(TSums sums, TSample sample, THead head, TOut outputGradient, float w);

    /// <summary>Writes a hidden unit's fc2 column (its Out gradient) at first, first + stride, ...</summary>
    static abstract void WriteUnitOutputs(ArrayView2D<double, Stride2D.DenseX> gradients, int env, int first, int stride, TOut unitOut);

    /// <summary>Writes the head's sums of an episode of <paramref name="steps"/> steps: fc2.bias (and log_std), the loss and the entropy columns.</summary>
    static abstract void WriteSums(ArrayView2D<double, Stride2D.DenseX> gradients, int env, PolicyLayout layout, TSums sums, THead head, int steps);
}
