using ILGPU;
using ILGPU.Runtime;
using PolicyGradient.Batched;
using PolicyGradient.Devices;
using PolicyGradient.Environment;
using PolicyGradient.Kernels;
using PolicyGradient.Policy;
using PolicyGradient.Training;

namespace PolicyGradient.SelfTest;

/// <summary>The episodes a device played and the loss gradient it computed from them.</summary>
public sealed record RecordedGradient(IReadOnlyList<Episode> Episodes, double[] Gradient, double Loss);

/// <summary>The metrics of one training iteration that the self-test compares across devices.</summary>
public sealed record IterationMetrics(double MeanReturn, double Entropy, double GradientNorm);

/// <summary>
/// Everything the self-test needs from the batched rollout, gradient and training API, in one
/// place: the only file of the self-test that knows EpisodeBatch, ColumnSums and BatchedTrainer.
/// </summary>
public static class SelfTestBatches
{
    /// <summary>
    /// Plays one episode per environment with <paramref name="policy"/>, reads back what was played
    /// and the REINFORCE gradient (reward-to-go, baseline, normalised advantages).
    /// </summary>
    public static RecordedGradient Reinforce(ComputeDevice device, PolicyParameters policy, int envs, ulong seed, int iteration, float gamma)
    {
        using var batch = new EpisodeBatch(device, envs, policy.Hidden, CartPole.MaxEpisodeSteps);
        var config = new EpisodeConfig { Seed = seed, Iteration = iteration, Gamma = gamma };
        BatchStatistics statistics = batch.Rollout(PackedPolicy.From(policy), config);
        BatchGradient gradient = batch.Gradient(LossWeights.For(Objective.Reinforce, statistics));
        var (trajectories, perEnv) = batch.ReadLastRollout();
        var episodes = new List<Episode>(envs);
        for (int env = 0; env < envs; env++)
        {
            int length = (int)perEnv[env * EpisodeStatistics.Width + EpisodeStatistics.Steps];
            var states = new float[length][];
            var actions = new int[length];
            for (int t = 0; t < length; t++)
            {
                StepRecord step = trajectories[(long)env * batch.MaxSteps + t];
                states[t] = [step.Observation.X, step.Observation.XDot, step.Observation.Theta, step.Observation.ThetaDot];
                actions[t] = (int)step.Action;
            }
            episodes.Add(new Episode(states, actions));
        }
        return new RecordedGradient(episodes, gradient.Gradient, gradient.Loss);
    }

    /// <summary>The device's reduction of a [rows][EpisodeStatistics.Width] matrix, with the statistics' min and max columns.</summary>
    public static float[] ReduceStatistics(ComputeDevice device, float[] rows)
    {
        using var sums = new ColumnSums(device, rows.Length / EpisodeStatistics.Width, EpisodeStatistics.Width, EpisodeStatistics.ReturnMin, EpisodeStatistics.ReturnMax);
        ((ArrayView1D<float, Stride1D.Dense>)sums.Rows).CopyFromCPU(rows);
        return sums.Reduce(device.Kernels);
    }

    /// <summary>A few training iterations from the options' seed; each iteration's metrics.</summary>
    public static IReadOnlyList<IterationMetrics> Train(ComputeDevice device, TrainingOptions options, int envs)
    {
        using var trainer = new BatchedTrainer(device, envs, options);
        var metrics = new List<IterationMetrics>();
        trainer.Train(r => metrics.Add(new IterationMetrics(r.MeanReturn, r.Entropy, r.GradientNorm)));
        return metrics;
    }
}
