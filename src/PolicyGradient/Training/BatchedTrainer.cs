using System.Diagnostics;
using PolicyGradient.Batched;
using PolicyGradient.Devices;
using PolicyGradient.Distributed;
using PolicyGradient.Environment;

namespace PolicyGradient.Training;

/// <summary>
/// Batched policy gradient for K agents x M envs in one device batch (`train` is K = 1). Each
/// <see cref="Step()"/> is one iteration for every agent still training:
/// parameters up -> episodes (device) -> statistics down -> weights up -> gradient (device)
/// -> one row per agent down -> Adam per agent. Every agent's numbers are those it reaches
/// trained alone: its streams, reductions and optimiser depend on nothing the others do.
/// Data-parallel, each process of a group holds a consecutive share of every agent's envs; the
/// statistics and gradient rows are combined across the processes in rank order, so each one
/// applies the same Adam step, and the processes agree before every step on which agents play
/// (and whether to stop), checking that their parameters are still the same bits.
/// </summary>
internal sealed class BatchedTrainer : IDisposable
{
    private readonly EpisodeBatch _batch;
    private readonly BatchSettings _settings;
    private readonly BatchedTrainingState[] _states;
    private readonly double[][] _gradients;
    /// <summary>Each agent's training seconds when this session's clock started.</summary>
    private readonly double[] _secondsBefore;
    private readonly IProcessGroup _processes;
    private Stopwatch? _clock;
    private bool _stopped;
    private double _communicationSeconds;

    /// <summary>Allocates the device buffers and compiles the kernels (the run's set-up cost).</summary>
    /// <param name="states">Each agent's state to start from (resumed or given weights); null starts every agent fresh.</param>
    /// <param name="processes">The processes sharing each agent's envs (data-parallel); null: this one alone.</param>
    public BatchedTrainer(ComputeDevice device, BatchSettings settings, IReadOnlyList<AgentSettings> agents, IReadOnlyList<BatchedTrainingState>? states = null,
        IProcessGroup? processes = null)
    {
        if (agents.Count < 1)
            throw new ArgumentException("a batch needs at least one agent", nameof(agents));
        if (states is not null && states.Count != agents.Count)
            throw new ArgumentException($"{agents.Count} agents but {states.Count} states", nameof(states));
        _settings = settings;
        _processes = processes ?? new SingleProcess();
        Agents = agents;
        _batch = new EpisodeBatch(device, settings.Environment.Device, agents.Count, settings.EnvsPerAgent, settings.Hidden, firstEnv: settings.FirstEnv);
        _states = states?.ToArray() ?? agents.Select(a => BatchedTrainingState.Start(a, settings)).ToArray();
        _gradients = agents.Select(_ => new double[_batch.Layout.Count]).ToArray();
        _secondsBefore = new double[agents.Count];
    }

    /// <summary>`train`'s batch: one agent with <paramref name="envs"/> envs; data-parallel, this process's consecutive share of them.</summary>
    /// <param name="start">Where the agent starts (resumed, or given weights); null: fresh from its seed.</param>
    public BatchedTrainer(ComputeDevice device, int envs, TrainingOptions options, IProcessGroup? processes = null, BatchedTrainingState? start = null)
        : this(device, BatchSettings.From(envs, options).Share(processes?.Rank ?? 0, processes?.Size ?? 1), [AgentSettings.From(options)],
            start is null ? null : [start], processes)
    {
    }

    public IReadOnlyList<AgentSettings> Agents { get; }

    /// <summary>Each agent's state, updated after every step.</summary>
    public IReadOnlyList<BatchedTrainingState> States => _states;

    /// <summary>Whether agent <paramref name="agent"/> plays in the next step: not solved, within every budget.</summary>
    public bool IsTraining(int agent)
    {
        var state = _states[agent];
        return !state.Solved && state.Failure is null && state.Iteration < _settings.MaxIterations && state.EnvSteps < _settings.MaxEnvSteps && TrainingSeconds(agent) < _settings.MaxSeconds;
    }

    /// <summary>True once no agent trains any more (in this process's view).</summary>
    public bool Finished => !Enumerable.Range(0, _states.Length).Any(IsTraining);

    /// <summary>
    /// One training iteration for every agent still training (finished agents' envs do no work).
    /// The first step starts the session clock that the seconds budget and seconds-to-solve read.
    /// </summary>
    public BatchStep Step() => Step(Agree(stopWish: false));

    /// <summary>
    /// Which agents play the next step: alone, those still training; data-parallel, those still
    /// training on every process, and none once any process wishes to stop (interrupted, or out
    /// of its own time), so no process waits in a collective for one that left. Each process's
    /// parameters travel as a checksum: one that differs from rank 0's stops the run.
    /// </summary>
    private bool[] Agree(bool stopWish)
    {
        var training = new bool[_states.Length];
        for (int k = 0; k < training.Length; k++)
            training[k] = !stopWish && IsTraining(k);
        if (_processes.Size == 1)
        {
            _stopped |= stopWish;
            return training;
        }
        byte[] mine = new byte[1 + training.Length + sizeof(uint)];
        mine[0] = stopWish ? (byte)1 : (byte)0;
        for (int k = 0; k < training.Length; k++)
            mine[1 + k] = training[k] ? (byte)1 : (byte)0;
        BitConverter.TryWriteBytes(mine.AsSpan(1 + training.Length), ParameterChecksum());
        byte[][] all = [];
        Communicate(() => all = _processes.AllGather(mine));
        // Rank 0 alone judges, so the run stops with one line; its abort ends the others in their next collective.
        for (int rank = 1; _processes.IsRoot && rank < all.Length; rank++)
        {
            if (!all[rank].AsSpan(1 + training.Length).SequenceEqual(all[0].AsSpan(1 + training.Length)))
                throw new InvalidOperationException($"the parameters of rank {rank} differ from rank 0's after iteration {_states[0].Iteration}: the processes no longer train one policy");
        }
        bool stop = all.Any(r => r[0] != 0);
        _stopped |= stop;
        for (int k = 0; k < training.Length; k++)
            training[k] = !stop && all.All(r => r[1 + k] != 0);
        return training;
    }

    /// <summary>Runs a collective of a data-parallel step, adding its time (waiting for the slowest rank included) to the run's communication seconds.</summary>
    private void Communicate(Action collective)
    {
        if (_processes.Size == 1)
            return;
        long start = Stopwatch.GetTimestamp();
        collective();
        _communicationSeconds += Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private uint ParameterChecksum()
    {
        uint crc = 0;
        foreach (var state in _states)
            crc = Hashing.Crc32C.Compute(System.Runtime.InteropServices.MemoryMarshal.AsBytes(state.Policy.Values.AsSpan())) ^ (crc * 31);
        return crc;
    }

    private BatchStep Step(bool[] playing)
    {
        _clock ??= StartClock();
        long start = Stopwatch.GetTimestamp();
        var training = new List<int>(_states.Length);
        for (int k = 0; k < _states.Length; k++)
        {
            if (playing[k])
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
        EnsureEveryEnvPlayed(training);
        Communicate(() => _batch.CombineStatistics(_processes));
        long rolledOut = Stopwatch.GetTimestamp();
        foreach (int k in training)
            _batch.SetWeights(k, LossWeights.For(Agents[k].Objective, _batch.Statistics(k)));
        long weighted = Stopwatch.GetTimestamp();
        _batch.ComputeGradients();
        Communicate(() => _batch.CombineGradients(_processes));
        long differentiated = Stopwatch.GetTimestamp();

        double stepSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var reports = new List<AgentStep>(training.Count);
        foreach (int k in training)
        {
            try
            {
                reports.Add(Update(k, stepSeconds));
            }
            catch (TrainingDivergedException e) when (_settings.DivergenceStopsOnlyThatAgent)
            {
                _states[k].Failure = e.Message;
            }
        }
        long updated = Stopwatch.GetTimestamp();
        return new BatchStep(reports, new StepTimings(
            Seconds(start, packed), Seconds(packed, rolledOut), Seconds(rolledOut, weighted), Seconds(weighted, differentiated), Seconds(differentiated, updated)));
    }

    /// <summary>This process's envs of each training agent each played one episode, before any number of the rollout is trusted (<see cref="RolloutCheck"/>).</summary>
    private void EnsureEveryEnvPlayed(List<int> training)
    {
        foreach (int k in training)
            RolloutCheck.EnsureEveryEnvPlayed(_batch.Statistics(k), _batch.EnvsPerAgent, _states[k].Iteration + 1, _states.Length == 1 ? null : k);
    }

    /// <summary>Steps until every agent has finished or <paramref name="stop"/> is requested; returns each agent's outcome.</summary>
    public IReadOnlyList<TrainingOutcome> TrainAll(Action<BatchStep>? onStep = null, CancellationToken stop = default)
    {
        _clock = StartClock();
        while (Agree(stop.IsCancellationRequested) is var playing && playing.Contains(true))
        {
            BatchStep step = Step(playing);
            onStep?.Invoke(step);
        }
        return Outcomes(_stopped);
    }

    /// <summary>
    /// `train`: the one agent trains from the state it was made with (fresh, given weights or
    /// resumed) until solved or a budget ends. Its state (<see cref="States"/>) is updated after
    /// every iteration, before <paramref name="onIteration"/> sees it.
    /// </summary>
    /// <param name="stop">Asks the loop to end after the current iteration (an interrupted run).</param>
    public TrainingOutcome Train(Action<UpdateReport>? onIteration = null, CancellationToken stop = default)
    {
        if (_states.Length != 1)
            throw new InvalidOperationException($"Train runs one agent; this batch has {_states.Length}: use TrainAll");
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
            s.SecondsToSolve, s.LastMeanReturn, s.Policy, interrupted && IsTraining(k), _communicationSeconds, s.Failure))];

    private AgentStep Update(int k, double stepSeconds)
    {
        var state = _states[k];
        BatchStatistics statistics = _batch.Statistics(k);
        BatchGradient gradient = _batch.Gradient(k);
        string update = _states.Length == 1 ? $"iteration {state.Iteration + 1}" : $"iteration {state.Iteration + 1} of agent {k}";
        TrainingDivergedException.ThrowIfNotFinite([gradient.Loss], "loss", update);
        TrainingDivergedException.ThrowIfNotFinite(gradient.Gradient, "gradient", update);
        // The target is judged on the episodes this policy played: an agent that meets it keeps
        // that policy (saved, evaluated and reported as the one that solved), so the update it
        // would take now is not applied.
        bool solves = statistics.MeanReturn >= _settings.TargetReturn;
        if (!solves)
        {
            gradient.Gradient.CopyTo(_gradients[k]);
            state.Optimizer.Step(state.Policy.Values, _gradients[k]);
            TrainingDivergedException.ThrowIfNotFinite(state.Policy.Values, "updated policy", update);
        }

        double elapsed = TrainingSeconds(k);
        state.Iteration++;
        state.Episodes += statistics.Episodes;
        state.EnvSteps += statistics.Steps;
        state.TrainingSeconds = elapsed;
        state.LastMeanReturn = statistics.MeanReturn;
        if (solves)
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
            Terminated = statistics.Terminated,
            Truncated = statistics.Truncated,
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
