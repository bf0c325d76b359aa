namespace PolicyGradient.Kernels;

/// <summary>What the objective weights each step's grad log pi with, inside one episode.</summary>
internal enum EpisodeObjective
{
    /// <summary>Discounted reward-to-go, less a baseline, times a scale the host chooses.</summary>
    RewardToGo = 0,
    /// <summary>The tutorial's loss: -mean_t(log pi) * (episode return - offset).</summary>
    Tutorial = 1,
}

/// <summary>
/// The batch's shape, shared by every agent; passed by value to the device. A batch holds
/// <see cref="Agents"/> x <see cref="EnvsPerAgent"/> environments: env e belongs to agent
/// e / EnvsPerAgent and is that agent's env e % EnvsPerAgent.
/// </summary>
internal struct EpisodeConfig
{
    public int Agents;
    public int EnvsPerAgent;
    /// <summary>
    /// Threads launched; each strides over the work. The ILGPU CPU accelerator pays about a
    /// microsecond per simulated thread, so it gets a few threads that each do many items.
    /// </summary>
    public int Threads;
    /// <summary>
    /// Envs a thread plays one after another before striding on: 1 on a GPU (neighbouring threads
    /// play neighbouring envs, so time-major records coalesce); more on the CPU accelerator, where a
    /// thread that plays neighbouring envs writes and re-reads the same cache lines of the
    /// time-major trajectories instead of sharing each line with the other cores.
    /// </summary>
    public int EnvsPerChunk;
    public int Hidden;
    public int MaxSteps;

    public readonly int Envs => Agents * EnvsPerAgent;

    public readonly int Chunks => (Envs + EnvsPerChunk - 1) / EnvsPerChunk;

    public readonly int ChunkEnd(int chunk) => Math.Min(Envs, (chunk + 1) * EnvsPerChunk);
}
