using System.Diagnostics;
using PolicyGradient.Batched;
using PolicyGradient.Devices;
using PolicyGradient.Environment;

namespace PolicyGradient.Training;

/// <summary>
/// Batched policy gradient for K agents x M envs in one device batch (`train` is K = 1). Each
/// <see cref="Step"/> is one iteration for every agent still training:
/// parameters up -> episodes (device) -> statistics down -> weights up -> gradient (device)
/// -> one row per agent down -> Adam per agent. Every agent's numbers are those it reaches
/// trained alone: its streams, reductions and optimiser depend on nothing the others do.
/// </summary>
public sealed class BatchedTrainer : IDisposable
{
    private readonly EpisodeBatch _batch;
    private readonly BatchSettings _settings;
    private readonly BatchedTrainingState[] _states;
    private readonly double[][] _gradients;
    /// <summary>Each agent's training seconds when this session's clock started.</summary>
    private readonly double[] _secondsBefore;
    private Stopwatch? _clock;

    /// <summary>Allocates the device buffers and compiles the kernels (the run's set-up cost).</summary>
    /// <param name="states">Each agent's state to start from (resumed or given weights); null starts every agent fresh.</param>
    public BatchedTrainer(ComputeDevice device, BatchSettings settings, IReadOnlyList<AgentSettings> agents, IReadOnlyList<BatchedTrainingState>? states = null)
    {
        if (agents.Count < 1)
            throw new ArgumentException("a batch needs at least one agent", nameof(agents));
        if (states is not null && states.Count != agents.Count)
            throw new ArgumentException($"{agents.Count} agents but {states.Count} states", nameof(states));
        _settings = settings;
        Agents = agents;
        _batch = new EpisodeBatch(device, agents.Count, settings.EnvsPerAgent, settings.Hidden, CartPole.MaxEpisodeSteps);
        _states = states?.ToArray() ?? agents.Select(a => BatchedTrainingState.Start(a, settings.Hidden)).ToArray();
        _gradients = agents.Select(_ => new double[_batch.Layout.Count]).ToArray();
        _secondsBefore = new double[agents.Count];
    }

    /// <summary>`train`'s batch: one agent with <paramref name="envs"/> envs.</summary>
    public BatchedTrainer(ComputeDevice device, int envs, TrainingOptions options)
        : this(device, BatchSettings.From(envs, options), [AgentSettings.From(options)])
    {
    }

    public IReadOnlyList<AgentSettings> Agents { get; }

    /// <summary>Each agent's state, updated after every step.</summary>
    public IReadOnlyList<BatchedTrainingState> States => _states;

    /// <summary>Whether agent <paramref name="agent"/> plays in the next step: not solved, within both budgets.</summary>
    public bool IsTraining(int agent)
    {
        var state = _states[agent];
        return !state.Solved && state.Iteration < _settings.MaxIterations && TrainingSeconds(agent) < _settings.MaxSeconds;
    }

    /// <summary>True once no agent trains any more.</summary>
    public bool Finished => !Enumerable.Range(0, _states.Length).Any(IsTraining);

    /// <summary>
    /// One training iteration for every agent still training (finished agents' envs do no work).
    /// The first step starts the session clock that the seconds budget and seconds-to-solve read.
    /// </summary>
    public BatchStep Step()
    {
        _clock ??= StartClock();
        long start = Stopwatch.GetTimestamp();
        var training = new List<int>(_states.Length);
        for (int k = 0; k < _states.Length; k++)
        {
            if (IsTraining(k))
            {
                var state = _states[k];
                _batch.SetAgent(k, state.Policy, Agents[k].Seed, state.Iteration, (float)Agents[k].Gamma);
                training.Add(k);
            }
            else
            {
                _batch.Deactivate(k);
            }
        }
        long packed = Stopwatch.GetTimestamp();
        if (training.Count == 0)
            return new BatchStep([], default);

        _batch.Rollout();
        long rolledOut = Stopwatch.GetTimestamp();
        foreach (int k in training)
            _batch.SetWeights(k, LossWeights.For(Agents[k].Objective, _batch.Statistics(k)));
        long weighted = Stopwatch.GetTimestamp();
        _batch.ComputeGradients();
        long differentiated = Stopwatch.GetTimestamp();

        double stepSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var reports = new AgentStep[training.Count];
        for (int i = 0; i < training.Count; i++)
            reports[i] = Update(training[i], stepSeconds);
        long updated = Stopwatch.GetTimestamp();
        return new BatchStep(reports, new StepTimings(
            Seconds(start, packed), Seconds(packed, rolledOut), Seconds(rolledOut, weighted), Seconds(weighted, differentiated), Seconds(differentiated, updated)));
    }

    /// <summary>Steps until every agent has finished or <paramref name="stop"/> is requested; returns each agent's outcome.</summary>
    public IReadOnlyList<TrainingOutcome> TrainAll(Action<BatchStep>? onStep = null, CancellationToken stop = default)
    {
        _clock = StartClock();
        while (!stop.IsCancellationRequested && !Finished)
        {
            BatchStep step = Step();
            onStep?.Invoke(step);
        }
        return Outcomes(stop.IsCancellationRequested);
    }

    /// <summary>`train`: the one agent trains fresh until solved or a budget ends.</summary>
    public TrainingOutcome Train(Action<UpdateReport>? onIteration = null) => Train(_states[0], onIteration);

    /// <summary>
    /// `train`: the one agent trains from <paramref name="state"/> (fresh or resumed) until solved
    /// or a budget ends. The state is updated after every iteration, before
    /// <paramref name="onIteration"/> sees it.
    /// </summary>
    /// <param name="stop">Asks the loop to end after the current iteration (an interrupted run).</param>
    public TrainingOutcome Train(BatchedTrainingState state, Action<UpdateReport>? onIteration = null, CancellationToken stop = default)
    {
        if (_states.Length != 1)
            throw new InvalidOperationException($"Train runs one agent; this batch has {_states.Length}: use TrainAll");
        _states[0] = state;
        return TrainAll(step =>
        {
            foreach (var agent in step.Agents)
                onIteration?.Invoke(agent.Report);
        }, stop)[0];
    }

    /// <summary>Each agent's outcome so far: its final policy (the trainer's live parameters) and numbers.</summary>
    /// <param name="interrupted">The run was stopped: agents still training are marked interrupted; finished ones are not.</param>
    public IReadOnlyList<TrainingOutcome> Outcomes(bool interrupted = false) =>
        [.. _states.Select((s, k) => new TrainingOutcome(s.Solved, s.Iteration, s.Episodes, s.EnvSteps, s.TrainingSeconds,
            s.SecondsToSolve, s.LastMeanReturn, s.Policy, interrupted && IsTraining(k)))];

    private AgentStep Update(int k, double stepSeconds)
    {
        var state = _states[k];
        BatchStatistics statistics = _batch.Statistics(k);
        BatchGradient gradient = _batch.Gradient(k);
        string update = _states.Length == 1 ? $"iteration {state.Iteration + 1}" : $"iteration {state.Iteration + 1} of agent {k}";
        TrainingDivergedException.ThrowIfNotFinite([gradient.Loss], "loss", update);
        TrainingDivergedException.ThrowIfNotFinite(gradient.Gradient, "gradient", update);
        gradient.Gradient.CopyTo(_gradients[k]);
        state.Optimizer.Step(state.Policy.Values, _gradients[k]);
        TrainingDivergedException.ThrowIfNotFinite(state.Policy.Values, "updated policy", update);

        double elapsed = TrainingSeconds(k);
        state.Iteration++;
        state.Episodes += statistics.Episodes;
        state.EnvSteps += statistics.Steps;
        state.TrainingSeconds = elapsed;
        state.LastMeanReturn = statistics.MeanReturn;
        // The parameters that earned this return are the ones before the update just made;
        // the returned policy has one more update, which evaluation checks on its own.
        if (statistics.MeanReturn >= _settings.TargetReturn)
            state.SecondsToSolve = elapsed;
        var report = new UpdateReport
        {
            Update = state.Iteration,
            Episodes = statistics.Episodes,
            MeanReturn = statistics.MeanReturn,
            MinReturn = statistics.ReturnMin,
            MaxReturn = statistics.ReturnMax,
            EnvSteps = statistics.Steps,
            TotalEnvSteps = state.EnvSteps,
            EnvStepsPerSecond = statistics.Steps / Math.Max(stepSeconds, 1e-9),
            ElapsedSeconds = elapsed,
            PolicyLoss = gradient.Loss,
            Entropy = gradient.EntropySum / statistics.Steps,
            GradientNorm = gradient.Norm,
        };
        return new AgentStep(k, report, state.Solved, state.SecondsToSolve);
    }

    private Stopwatch StartClock()
    {
        for (int k = 0; k < _states.Length; k++)
            _secondsBefore[k] = _states[k].TrainingSeconds;
        return Stopwatch.StartNew();
    }

    private double TrainingSeconds(int agent) => _secondsBefore[agent] + (_clock?.Elapsed.TotalSeconds ?? 0.0);

    private static double Seconds(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalSeconds;

    public void Dispose() => _batch.Dispose();
}
