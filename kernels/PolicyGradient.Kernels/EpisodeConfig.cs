namespace PolicyGradient.Kernels;

/// <summary>What the objective weights each step's grad log pi with, inside one episode.</summary>
public enum EpisodeObjective
{
    /// <summary>Discounted reward-to-go, less a baseline, times a scale the host chooses.</summary>
    RewardToGo = 0,
    /// <summary>The tutorial's loss: -mean_t(log pi) * (episode return - offset).</summary>
    Seed = 1,
}

/// <summary>Everything the episode kernels need besides buffers; passed by value to the device.</summary>
public struct EpisodeConfig
{
    public ulong Seed;
    public int Iteration;
    public int Envs;
    /// <summary>
    /// Threads launched; each strides over the work. The ILGPU CPU accelerator pays about a
    /// microsecond per simulated thread, so it gets a few threads that each do many items.
    /// </summary>
    public int Threads;
    public int Hidden;
    public int MaxSteps;
    public float Gamma;
    /// <summary>fc2.bias, passed by value so kernels read it from parameter space.</summary>
    public float OutputBias0;
    public float OutputBias1;

    public PolicyLayout Layout => new(Hidden);

    /// <summary>Each environment's random stream: a pure function of (seed, iteration, env).</summary>
    public ulong StreamKey(int env) => CounterRandom.StreamKey(Seed, (ulong)Iteration, (ulong)env);
}
