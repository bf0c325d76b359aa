namespace PolicyGradient.Kernels;

/// <summary>What the objective weights each step's grad log pi with, inside one episode.</summary>
public enum EpisodeObjective
{
    /// <summary>Discounted reward-to-go; the batch baseline and scale are applied by the host.</summary>
    RewardToGo = 0,
    /// <summary>The tutorial's loss: -mean_t(log pi) * (episode return - offset).</summary>
    Seed = 1,
}

/// <summary>Everything the episode kernel needs besides buffers; passed by value to the device.</summary>
public struct EpisodeConfig
{
    public ulong Seed;
    public int Iteration;
    public int Hidden;
    public int MaxSteps;
    public float Gamma;
    public EpisodeObjective Objective;
    public float SeedReturnOffset;
    /// <summary>1: take argmax actions instead of sampling.</summary>
    public int Greedy;
    /// <summary>1: write every step's observation and action to the trajectory buffer.</summary>
    public int Record;

    public PolicyLayout Layout => new(Hidden);

    /// <summary>Each environment's random stream: a pure function of (seed, iteration, env).</summary>
    public ulong StreamKey(int env) => CounterRandom.StreamKey(Seed, (ulong)Iteration, (ulong)env);
}
