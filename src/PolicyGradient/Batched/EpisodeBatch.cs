using ILGPU;
using ILGPU.Runtime;
using PolicyGradient.Devices;
using PolicyGradient.Distributed;
using PolicyGradient.Environment;
using PolicyGradient.Kernels;
using PolicyGradient.Policy;

namespace PolicyGradient.Batched;

/// <summary>
/// Device buffers for K agents x M environments and the two halves of an iteration: play one
/// episode in each environment of every active agent (the host reads back one row of statistics
/// per agent), then compute and reduce each agent's loss gradient with weights the host chose
/// from those statistics (the host reads back one gradient row per agent). Trajectories never
/// leave the device except for checks (<see cref="ReadLastRollout"/>). Host staging arrays are
/// allocated once: an iteration allocates nothing.
/// </summary>
internal sealed class EpisodeBatch : IDisposable
{
    private readonly DeviceKernels _kernels;
    private readonly TrajectoryBuffers _buffers;
    private readonly MemoryBuffer1D<AgentEpisodes, Stride1D.Dense> _agents;
    private readonly ColumnSums _statistics;
    private readonly ColumnSums _gradients;
    private readonly AgentEpisodes[] _hostAgents;
    private readonly int _rolloutThreads;
    private readonly int _gradientThreads;

    /// <summary>
    /// A CPU thread plays a whole tile of envs (see <see cref="TrajectoryTiles"/>) one after
    /// another: its records are one contiguous block, in its own cache.
    /// </summary>
    private const int CpuEnvsPerChunk = TrajectoryTiles.Width;

    /// <param name="maxSteps">The longest episode; the environment's time limit when null.</param>
    /// <param name="firstEnv">The global index of env 0 of each agent (a data-parallel process's share starts there).</param>
    public EpisodeBatch(ComputeDevice device, DeviceEnvironment environment, int agents, int envsPerAgent, int hidden, int? maxSteps = null, int firstEnv = 0)
    {
        FirstEnv = firstEnv;
        if (agents < 1)
            throw new ArgumentOutOfRangeException(nameof(agents), agents, "at least one agent");
        if (envsPerAgent < 1)
            throw new ArgumentOutOfRangeException(nameof(envsPerAgent), envsPerAgent, "at least one environment");
        Environment = environment;
        Agents = agents;
        EnvsPerAgent = envsPerAgent;
        Hidden = hidden;
        MaxSteps = maxSteps ?? environment.MaxEpisodeSteps;
        Layout = environment.Layout(hidden);
        DeviceMemory.EnsureFits(device, agents, envsPerAgent, environment.BytesPerEnv(hidden, MaxSteps), IndexLimits.ForBatch(Layout, MaxSteps));
        _kernels = device.Kernels;
        _buffers = environment.CreateBuffers(device, agents, agents * envsPerAgent, hidden, MaxSteps);
        _agents = device.Accelerator.Allocate1D<AgentEpisodes>(agents);
        _statistics = new ColumnSums(device, agents, envsPerAgent, EpisodeStatistics.Width, EpisodeStatistics.ReturnMin, EpisodeStatistics.ReturnMax);
        _gradients = new ColumnSums(device, agents, envsPerAgent, GradientKernel.Width(Layout.Count), -1, -1);
        _hostAgents = new AgentEpisodes[agents];
        Config = new EpisodeConfig
        {
            Agents = agents, EnvsPerAgent = envsPerAgent, Hidden = hidden, MaxSteps = MaxSteps,
            EnvsPerChunk = device.Kind == DeviceKind.Cpu ? CpuEnvsPerChunk : 1,
        };
        _rolloutThreads = device.ThreadsFor(Config.Chunks);
        _gradientThreads = device.ThreadsFor(Config.Chunks * HiddenUnitGroups.CountFor(hidden));
    }

    public DeviceEnvironment Environment { get; }
    public int Agents { get; }
    public int EnvsPerAgent { get; }
    public int Hidden { get; }
    public int MaxSteps { get; }
    public int FirstEnv { get; }
    public PolicyLayout Layout { get; }
    private EpisodeConfig Config { get; }

    /// <summary>Kernel launches per iteration (<see cref="Rollout()"/> and <see cref="ComputeGradients"/>), each with its reductions.</summary>
    public int LaunchesPerIteration => 2 + _statistics.Launches + _gradients.Launches;

    /// <summary>Sets what agent <paramref name="agent"/> plays next: its parameters and its episodes' streams and discount; an inactive agent's envs do nothing.</summary>
    public void SetAgent(int agent, PolicyParameters policy, ulong seed, int iteration, float gamma, bool active = true)
    {
        if (policy.Layout != Layout)
            throw new ArgumentException($"the batch was made for a {Layout} policy, this one is {policy.Layout}", nameof(policy));
        _buffers.Pack(agent, policy);
        _hostAgents[agent] = new AgentEpisodes { Seed = seed, Iteration = iteration, Active = active ? 1 : 0, Gamma = gamma, FirstEnv = FirstEnv };
    }

    /// <summary>Stops agent <paramref name="agent"/>: from the next rollout its envs do no work.</summary>
    public void Deactivate(int agent) => _hostAgents[agent].Active = 0;

    public bool IsActive(int agent) => _hostAgents[agent].Active != 0;

    /// <summary>Plays one episode per environment of every active agent; then <see cref="Statistics"/> holds each agent's.</summary>
    public void Rollout()
    {
        _agents.View.CopyFromCPU(_hostAgents);
        _buffers.Rollout(_rolloutThreads, _agents.View, _statistics.Rows, Config with { Threads = _rolloutThreads });
        _statistics.Reduce(_kernels, _agents.View);
    }

    public BatchStatistics Statistics(int agent) => new(_statistics.Total(agent));

    /// <summary>Every process's statistics rows combined, in rank order: the whole batch's, on every process.</summary>
    public void CombineStatistics(IProcessGroup processes) => _statistics.CombineAcross(processes);

    /// <summary>Every process's gradient rows summed in rank order: the whole batch's gradient, the same bits on every process.</summary>
    public void CombineGradients(IProcessGroup processes) => _gradients.CombineAcross(processes);

    public void SetWeights(int agent, GradientWeights weights) => _hostAgents[agent].Weights = weights;

    /// <summary>Each active agent's loss gradient of the last rollout, weighted as set; then <see cref="Gradient(int)"/> holds each agent's.</summary>
    public void ComputeGradients()
    {
        _agents.View.CopyFromCPU(_hostAgents);
        _buffers.Gradient(_gradientThreads, _agents.View, _statistics.Rows, _gradients.Rows, Config with { Threads = _gradientThreads });
        _gradients.Reduce(_kernels, _agents.View);
    }

    public BatchGradient Gradient(int agent) => new(_gradients.Total(agent), Layout.Count);

    /// <summary>A one-agent batch's rollout in one call (for tests and checks): plays <paramref name="policy"/> and returns the statistics.</summary>
    public BatchStatistics Rollout(PolicyParameters policy, ulong seed, int iteration, float gamma)
    {
        RequireOneAgent();
        SetAgent(0, policy, seed, iteration, gamma);
        Rollout();
        return Statistics(0);
    }

    /// <summary>A one-agent batch's gradient of its last rollout with these weights, in one call (for tests and checks).</summary>
    public BatchGradient Gradient(GradientWeights weights)
    {
        RequireOneAgent();
        SetWeights(0, weights);
        ComputeGradients();
        return Gradient(0);
    }

    private void RequireOneAgent()
    {
        if (Agents != 1)
            throw new InvalidOperationException($"this call runs a one-agent batch; this one has {Agents} agents");
    }

    /// <summary>The last rollout's steps and per-environment statistics, for checks against the host reference.</summary>
    public RecordedRollout ReadLastRollout() => _buffers.Read(Config, _statistics.Rows.To1DView().GetAsArray1D());

    public void Dispose()
    {
        _buffers.Dispose();
        _agents.Dispose();
        _statistics.Dispose();
        _gradients.Dispose();
    }
}
