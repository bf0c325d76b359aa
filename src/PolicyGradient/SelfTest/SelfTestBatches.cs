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
internal sealed record RecordedGradient(IReadOnlyList<Episode> Episodes, double[] Gradient, double Loss);

/// <summary>The metrics of one training iteration that the self-test compares across devices.</summary>
internal sealed record IterationMetrics(double MeanReturn, double Entropy, double GradientNorm);

/// <summary>
/// Everything the self-test needs from the batched rollout, gradient and training API, in one
/// place: the only file of the self-test that knows EpisodeBatch, ColumnSums and BatchedTrainer.
/// </summary>
internal static class SelfTestBatches
{
    /// <summary>
    /// Plays one episode per environment with <paramref name="policy"/>, reads back what was played
    /// and the REINFORCE gradient (reward-to-go, baseline, normalised advantages).
    /// </summary>
    public static RecordedGradient Reinforce(ComputeDevice device, DeviceEnvironment environment, PolicyParameters policy, int envs, ulong seed, int iteration, float gamma)
    {
        using var batch = new EpisodeBatch(device, environment, 1, envs, policy.Hidden);
        BatchStatistics statistics = batch.Rollout(policy, seed, iteration, gamma);
        BatchGradient gradient = batch.Gradient(LossWeights.For(Objective.Reinforce, statistics));
        List<Episode> episodes = batch.ReadLastRollout().Episodes();
        return new RecordedGradient(episodes, gradient.Gradient.ToArray(), gradient.Loss);
    }

    /// <summary>The device's reduction of a [rows][EpisodeStatistics.Width] matrix (as one agent's rows), with the statistics' min and max columns.</summary>
    public static float[] ReduceStatistics(ComputeDevice device, float[] rows)
    {
        int count = rows.Length / EpisodeStatistics.Width;
        using var sums = new ColumnSums(device, 1, count, EpisodeStatistics.Width, EpisodeStatistics.ReturnMin, EpisodeStatistics.ReturnMax);
        using var agents = device.Accelerator.Allocate1D([new AgentEpisodes { Active = 1 }]);
        sums.Rows.To1DView().CopyFromCPU(Array.ConvertAll(rows, v => (double)v));
        sums.Reduce(device.Kernels, agents.View);
        return [.. sums.Total(0).ToArray().Select(v => (float)v)];
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
