using System.Diagnostics;
using PolicyGradient.Batched;
using PolicyGradient.Devices;
using PolicyGradient.Environment;
using PolicyGradient.Kernels;
using PolicyGradient.Optimization;
using PolicyGradient.Policy;

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

    public TrainingOutcome Train(Action<UpdateReport>? onIteration = null)
    {
        var policy = PolicyParameters.Initialise(_options.Hidden, _options.Seed);
        var adam = new Adam(policy.Layout.Count, _options.LearningRate);
        var config = new EpisodeConfig { Seed = _options.Seed, Gamma = (float)_options.Gamma };

        var clock = Stopwatch.StartNew();
        long episodes = 0, envSteps = 0;
        double? secondsToSolve = null;
        double meanReturn = 0.0;
        int iteration = 0;
        while (iteration < _options.MaxUpdates && clock.Elapsed.TotalSeconds < _options.MaxSeconds)
        {
            config.Iteration = iteration;
            double started = clock.Elapsed.TotalSeconds;
            BatchStatistics statistics = _batch.Rollout(PackedPolicy.From(policy), config);
            adam.Step(policy.Values, _batch.Gradient(LossWeights.For(_options.Objective, statistics)));
            iteration++;

            episodes += statistics.Episodes;
            envSteps += statistics.Steps;
            meanReturn = statistics.MeanReturn;
            double elapsed = clock.Elapsed.TotalSeconds;
            onIteration?.Invoke(new UpdateReport(iteration, statistics.Episodes, meanReturn, statistics.ReturnMin, statistics.ReturnMax,
                statistics.Steps, envSteps, statistics.Steps / Math.Max(elapsed - started, 1e-9), elapsed));
            // The parameters that earned this return are the ones before the update just made;
            // the returned policy has one more update, which evaluation checks on its own.
            if (meanReturn >= _options.TargetReturn)
            {
                secondsToSolve = elapsed;
                break;
            }
        }
        return new TrainingOutcome(secondsToSolve.HasValue, iteration, episodes, envSteps, clock.Elapsed.TotalSeconds,
            secondsToSolve, meanReturn, policy);
    }

    public void Dispose() => _batch.Dispose();
}
