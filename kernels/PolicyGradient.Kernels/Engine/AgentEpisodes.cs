namespace PolicyGradient.Kernels;

/// <summary>
/// What one agent's environments need besides its parameters: its random streams, discount and
/// the gradient's step weights.
/// An inactive agent (solved, or out of budget) costs its envs one load and nothing else.
/// </summary>
internal struct AgentEpisodes
{
    public ulong Seed;
    public int Iteration;
    /// <summary>1 while the agent trains; 0 skips its envs in every kernel.</summary>
    public int Active;
    public float Gamma;
    /// <summary>The global index of this batch's env 0: a data-parallel rank plays envs FirstEnv onwards of the whole batch.</summary>
    public int FirstEnv;
    public GradientWeights Weights;

    /// <summary>
    /// Env m's random stream: a pure function of (seed, iteration, FirstEnv + m), the same
    /// whichever agent slot the agent has and however its envs are split across processes, so an
    /// agent plays the same episodes in a batch, alone, or data-parallel.
    /// </summary>
    public readonly ulong StreamKey(int envOfAgent) => CounterRandom.StreamKey(Seed, (ulong)Iteration, (ulong)(FirstEnv + envOfAgent));
}
