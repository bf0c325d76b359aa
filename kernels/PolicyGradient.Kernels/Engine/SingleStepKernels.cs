using ILGPU;
using ILGPU.Runtime;

namespace PolicyGradient.Kernels;

/// <summary>Kernels that apply the device maths to given inputs, for replay, the self-test and tests.</summary>
internal static class SingleStepKernels
{
    /// <summary>Steps each (state, action) once: the next state and its observation, the reward, and whether it is terminal (0/1).</summary>
    public static void Step<TEnvironment, TState, TObservation>(
        Index1D index, TEnvironment environment, ArrayView<TState> states, ArrayView<int> actions,
        ArrayView<TState> next, ArrayView<TObservation> observations, ArrayView<float> rewards, ArrayView<int> terminated)
        where TEnvironment : unmanaged, IDiscreteEnvironment<TState, TObservation>
        where TState : unmanaged
        where TObservation : unmanaged, IVector<TObservation>
    {
        Transition<TState> transition = environment.Step(states[index], actions[index]);
        next[index] = transition.State;
        observations[index] = environment.Observe(transition.State);
        rewards[index] = transition.Reward;
        terminated[index] = transition.Terminated ? 1 : 0;
    }

    /// <summary>Steps each (state, Box action) once, as <see cref="Step"/> does for a discrete one.</summary>
    public static void ContinuousStep<TEnvironment, TState, TObservation, TAction>(
        Index1D index, TEnvironment environment, ArrayView<TState> states, ArrayView<TAction> actions,
        ArrayView<TState> next, ArrayView<TObservation> observations, ArrayView<float> rewards, ArrayView<int> terminated)
        where TEnvironment : unmanaged, IContinuousEnvironment<TState, TObservation, TAction>
        where TState : unmanaged
        where TObservation : unmanaged, IVector<TObservation>
        where TAction : unmanaged, IVector<TAction>
    {
        Transition<TState> transition = environment.Step(states[index], actions[index]);
        next[index] = transition.State;
        observations[index] = environment.Observe(transition.State);
        rewards[index] = transition.Reward;
        terminated[index] = transition.Terminated ? 1 : 0;
    }

    /// <summary>The network's outputs for each observation: logits, or a Gaussian head's means in <see cref="Logits{TOthers}.Others"/>.</summary>
    /// <param name="parameters">one agent's hidden units, index (group, 0).</param>
    public static void Forward<TObservation, TOthers>(
        Index1D index, ArrayView2D<HiddenUnitGroup<TObservation, TOthers>, Stride2D.DenseX> parameters, Logits<TOthers> outputBias,
        ArrayView<TObservation> observations, ArrayView<Logits<TOthers>> logits)
        where TObservation : unmanaged, IVector<TObservation>
        where TOthers : unmanaged, IVector<TOthers>
    {
        logits[index] = PolicyNetwork.Forward(PolicyNetwork.AgentUnits(parameters, 0), outputBias, observations[index]);
    }

    /// <summary>draws[i] = the counter-based uniform float of (keys[i], counters[i]), to compare with the host's.</summary>
    public static void UniformDraws(Index1D index, ArrayView<ulong> keys, ArrayView<ulong> counters, ArrayView<float> draws)
    {
        int i = index;
        draws[i] = CounterRandom.UniformFloat(keys[i], counters[i]);
    }
}
