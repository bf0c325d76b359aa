using ILGPU;
using ILGPU.Runtime;
using PolicyGradient.Devices;
using PolicyGradient.Distributed;
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
public sealed class EpisodeBatch : IDisposable
{
    private readonly DeviceKernels _kernels;
    private readonly MemoryBuffer1D<HiddenUnitGroup, Stride1D.Dense> _parameters;
    private readonly MemoryBuffer1D<AgentEpisodes, Stride1D.Dense> _agents;
    private readonly MemoryBuffer1D<CartPoleState, Stride1D.Dense> _observations;
    private readonly MemoryBuffer1D<ActionSample, Stride1D.Dense> _samples;
    private readonly ColumnSums _statistics;
    private readonly ColumnSums _gradients;
    private readonly HiddenUnitGroup[] _hostParameters;
    private readonly AgentEpisodes[] _hostAgents;
    private readonly int _rolloutThreads;
    private readonly int _gradientThreads;

    /// <summary>
    /// A CPU thread plays a whole tile of envs (see <see cref="TrajectoryTiles"/>) one after
    /// another: its records are one contiguous block, in its own cache.
    /// </summary>
    private const int CpuEnvsPerChunk = TrajectoryTiles.Width;

    /// <param name="firstEnv">The global index of env 0 of each agent (a data-parallel process's share starts there).</param>
    public EpisodeBatch(ComputeDevice device, int agents, int envsPerAgent, int hidden, int maxSteps, int firstEnv = 0)
    {
        FirstEnv = firstEnv;
        if (agents < 1)
            throw new ArgumentOutOfRangeException(nameof(agents), agents, "at least one agent");
        if (envsPerAgent < 1)
            throw new ArgumentOutOfRangeException(nameof(envsPerAgent), envsPerAgent, "at least one environment");
        Agents = agents;
        EnvsPerAgent = envsPerAgent;
        Hidden = hidden;
        MaxSteps = maxSteps;
        Layout = new PolicyLayout(hidden);
        DeviceMemory.EnsureFits(device, agents, envsPerAgent, BytesPerEnv(hidden, maxSteps), IndexLimits.ForBatch(hidden, maxSteps));
        _kernels = device.Kernels;
        int groups = HiddenUnitGroup.CountFor(hidden);
        long envs = (long)agents * envsPerAgent;
        _parameters = device.Accelerator.Allocate1D<HiddenUnitGroup>((long)agents * groups);
        _agents = device.Accelerator.Allocate1D<AgentEpisodes>(agents);
        long records = TrajectoryTiles.Extent(agents * envsPerAgent, maxSteps).Size;
        _observations = device.Accelerator.Allocate1D<CartPoleState>(records);
        _samples = device.Accelerator.Allocate1D<ActionSample>(records);
        _statistics = new ColumnSums(device, agents, envsPerAgent, EpisodeStatistics.Width, EpisodeStatistics.ReturnMin, EpisodeStatistics.ReturnMax);
        _gradients = new ColumnSums(device, agents, envsPerAgent, GradientKernel.Width(Layout.Count), -1, -1);
        _hostParameters = new HiddenUnitGroup[agents * groups];
        _hostAgents = new AgentEpisodes[agents];
        Config = new EpisodeConfig
        {
            Agents = agents, EnvsPerAgent = envsPerAgent, Hidden = hidden, MaxSteps = maxSteps,
            EnvsPerChunk = device.Kind == DeviceKind.Cpu ? CpuEnvsPerChunk : 1,
        };
        _rolloutThreads = device.ThreadsFor(Config.Chunks);
        _gradientThreads = device.ThreadsFor(Config.Chunks * groups);
    }

    public int Agents { get; }
    public int EnvsPerAgent { get; }
    public int Hidden { get; }
    public int MaxSteps { get; }
    public int FirstEnv { get; }
    public PolicyLayout Layout { get; }
    private EpisodeConfig Config { get; }

    /// <summary>Kernel launches per iteration (<see cref="Rollout()"/> and <see cref="ComputeGradients"/>), each with its reductions.</summary>
    public int LaunchesPerIteration => 2 + _statistics.Launches + _gradients.Launches;

    /// <summary>Device memory per environment, in bytes: its trajectory, statistics and gradient rows.</summary>
    public static long BytesPerEnv(int hidden, int maxSteps) =>
        (long)maxSteps * (ArrayView<CartPoleState>.ElementSize + ArrayView<ActionSample>.ElementSize)
        + (EpisodeStatistics.Width + (long)GradientKernel.Width(PolicyLayout.CountFor(hidden))) * sizeof(double);

    /// <summary>Sets what agent <paramref name="agent"/> plays next: its parameters and its episodes' streams and discount; an inactive agent's envs do nothing.</summary>
    public void SetAgent(int agent, PolicyParameters policy, ulong seed, int iteration, float gamma, bool active = true)
    {
        if (policy.Hidden != Hidden)
            throw new ArgumentException($"the batch was made for {Hidden} hidden units, the policy has {policy.Hidden}", nameof(policy));
        int groups = HiddenUnitGroup.CountFor(Hidden);
        var (bias0, bias1) = PackedPolicy.Pack(policy, _hostParameters.AsSpan(agent * groups, groups));
        _hostAgents[agent] = new AgentEpisodes
        {
            Seed = seed, Iteration = iteration, Active = active ? 1 : 0, Gamma = gamma, FirstEnv = FirstEnv, OutputBias0 = bias0, OutputBias1 = bias1,
        };
    }

    /// <summary>Stops agent <paramref name="agent"/>: from the next rollout its envs do no work.</summary>
    public void Deactivate(int agent) => _hostAgents[agent].Active = 0;

    public bool IsActive(int agent) => _hostAgents[agent].Active != 0;

    /// <summary>Plays one episode per environment of every active agent; then <see cref="Statistics"/> holds each agent's.</summary>
    public void Rollout()
    {
        _parameters.View.CopyFromCPU(_hostParameters);
        _agents.View.CopyFromCPU(_hostAgents);
        _kernels.Rollout(_rolloutThreads, ParameterView, _agents.View, Observations, Samples, _statistics.Rows, Config with { Threads = _rolloutThreads });
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
        _kernels.Gradient(_gradientThreads, ParameterView, _agents.View, Observations, Samples, _statistics.Rows, _gradients.Rows, Config with { Threads = _gradientThreads });
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
    public RecordedRollout ReadLastRollout() => new(
        Config.Envs, MaxSteps, _observations.GetAsArray1D(), _samples.GetAsArray1D(), _statistics.Rows.To1DView().GetAsArray1D());

    private ArrayView2D<HiddenUnitGroup, Stride2D.DenseX> ParameterView =>
        _parameters.View.As2DDenseXView(new LongIndex2D(HiddenUnitGroup.CountFor(Hidden), Agents));

    /// <summary>Time-major in tiles of envs: see <see cref="TrajectoryTiles"/>.</summary>
    private ArrayView2D<CartPoleState, Stride2D.DenseX> Observations =>
        _observations.View.As2DDenseXView(TrajectoryTiles.Extent(Config.Envs, MaxSteps));

    private ArrayView2D<ActionSample, Stride2D.DenseX> Samples =>
        _samples.View.As2DDenseXView(TrajectoryTiles.Extent(Config.Envs, MaxSteps));

    public void Dispose()
    {
        _parameters.Dispose();
        _agents.Dispose();
        _observations.Dispose();
        _samples.Dispose();
        _statistics.Dispose();
        _gradients.Dispose();
    }
}
