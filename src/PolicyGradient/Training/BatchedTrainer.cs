using System.Diagnostics;
using PolicyGradient.Batched;
using PolicyGradient.Devices;
using PolicyGradient.Environment;
using PolicyGradient.Kernels;

namespace PolicyGradient.Training;

/// <summary>
/// Batched policy gradient: each iteration plays one episode in every environment on the
/// device, computes and reduces the loss gradient there, and applies Adam on the host.
/// parameters up -> episodes (device) -> statistics down -> weights up -> gradient (device)
/// -> one vector down -> Adam.
/// </summary>
public sealed class BatchedTrainer : IDisposable
{
    private readonly EpisodeBatch _batch;
    private readonly TrainingOptions _options;

    /// <summary>Allocates the device buffers and compiles the kernels (the run's set-up cost).</summary>
    public BatchedTrainer(ComputeDevice device, int envs, TrainingOptions options)
    {
        _options = options;
        _batch = new EpisodeBatch(device, envs, options.Hidden, CartPole.MaxEpisodeSteps);
    }

    public int Envs => _batch.Envs;

    public TrainingOutcome Train(Action<UpdateReport>? onIteration = null) =>
        Train(BatchedTrainingState.Start(_options), onIteration);

    /// <summary>
    /// Trains from <paramref name="state"/> (fresh or resumed) until solved or a budget ends;
    /// <see cref="TrainingOptions.MaxUpdates"/> and <see cref="TrainingOptions.MaxSeconds"/>
    /// count from the run's start, resumed sessions included. The state is updated after every
    /// iteration, before <paramref name="onIteration"/> sees it.
    /// </summary>
    /// <param name="stop">Asks the loop to end after the current iteration (an interrupted run).</param>
    public TrainingOutcome Train(BatchedTrainingState state, Action<UpdateReport>? onIteration = null, CancellationToken stop = default)
    {
        var config = new EpisodeConfig { Seed = _options.Seed, Gamma = (float)_options.Gamma };
        var clock = Stopwatch.StartNew();
        double before = state.TrainingSeconds;
        while (!stop.IsCancellationRequested && !state.Solved && state.Iteration < _options.MaxUpdates && before + clock.Elapsed.TotalSeconds < _options.MaxSeconds)
        {
            config.Iteration = state.Iteration;
            double started = clock.Elapsed.TotalSeconds;
            BatchStatistics statistics = _batch.Rollout(PackedPolicy.From(state.Policy), config);
            BatchGradient gradient = _batch.Gradient(LossWeights.For(_options.Objective, statistics));
            string update = $"iteration {state.Iteration + 1}";
            TrainingDivergedException.ThrowIfNotFinite([gradient.Loss], "loss", update);
            TrainingDivergedException.ThrowIfNotFinite(gradient.Gradient, "gradient", update);
            state.Optimizer.Step(state.Policy.Values, gradient.Gradient);
            TrainingDivergedException.ThrowIfNotFinite(state.Policy.Values, "updated policy", update);

            double elapsed = before + clock.Elapsed.TotalSeconds;
            state.Iteration++;
            state.Episodes += statistics.Episodes;
            state.EnvSteps += statistics.Steps;
            state.TrainingSeconds = elapsed;
            state.LastMeanReturn = statistics.MeanReturn;
            // The parameters that earned this return are the ones before the update just made;
            // the returned policy has one more update, which evaluation checks on its own.
            if (statistics.MeanReturn >= _options.TargetReturn)
                state.SecondsToSolve = elapsed;
            onIteration?.Invoke(new UpdateReport(state.Iteration, statistics.Episodes, statistics.MeanReturn, statistics.MeanReturn, statistics.ReturnMin,
                statistics.ReturnMax, statistics.Steps, state.EnvSteps, statistics.Steps / Math.Max(clock.Elapsed.TotalSeconds - started, 1e-9), elapsed,
                gradient.Loss, gradient.EntropySum / statistics.Steps, gradient.Norm));
        }
        return new TrainingOutcome(state.Solved, state.Iteration, state.Episodes, state.EnvSteps, state.TrainingSeconds,
            state.SecondsToSolve, state.LastMeanReturn, state.Policy, stop.IsCancellationRequested);
    }

    public void Dispose() => _batch.Dispose();
}
