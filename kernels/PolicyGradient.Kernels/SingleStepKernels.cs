using ILGPU;
using ILGPU.Runtime;

namespace PolicyGradient.Kernels;

/// <summary>Kernels that apply the device maths to given inputs, for replay and for tests.</summary>
public static class SingleStepKernels
{
    /// <summary>states: [n][4] in, next: [n][5] out = next state, terminated (0/1).</summary>
    public static void Step(Index1D index, ArrayView<float> states, ArrayView<int> actions, ArrayView<float> next)
    {
        int i = index;
        long at = (long)i * 4;
        var s = new CartPoleState(states[at], states[at + 1], states[at + 2], states[at + 3]);
        CartPoleState n = CartPolePhysics.Step(s, actions[i]);
        long to = (long)i * 5;
        next[to] = n.X;
        next[to + 1] = n.XDot;
        next[to + 2] = n.Theta;
        next[to + 3] = n.ThetaDot;
        next[to + 4] = CartPolePhysics.IsTerminal(n) ? 1.0f : 0.0f;
    }

    /// <summary>states: [n][4] in, logits: [n][2] out.</summary>
    /// <param name="parameters">one agent's hidden units, index (group, 0).</param>
    public static void Forward(Index1D index, ArrayView2D<HiddenUnitGroup, Stride2D.DenseX> parameters, ArrayView<float> states, ArrayView<float> logits, AgentEpisodes agent)
    {
        int i = index;
        long at = (long)i * 4;
        var s = new CartPoleState(states[at], states[at + 1], states[at + 2], states[at + 3]);
        PolicyNetwork.Logits(PolicyNetwork.AgentUnits(parameters, 0), agent.OutputBias0, agent.OutputBias1, s, out float l0, out float l1);
        logits[(long)i * 2] = l0;
        logits[(long)i * 2 + 1] = l1;
    }

    /// <summary>draws[i] = the counter-based uniform float of (keys[i], counters[i]), to compare with the host's.</summary>
    public static void UniformDraws(Index1D index, ArrayView<ulong> keys, ArrayView<ulong> counters, ArrayView<float> draws)
    {
        int i = index;
        draws[i] = CounterRandom.UniformFloat(keys[i], counters[i]);
    }
}
