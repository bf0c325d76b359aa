using PolicyGradient.Batched;
using PolicyGradient.Environment;
using PolicyGradient.Kernels;
using PolicyGradient.Policy;
using PolicyGradient.Training;
using PolicyGradient.Tests.Policy;
using Xunit.Abstractions;

namespace PolicyGradient.Tests.Kernels;

[Collection(CpuDeviceCollection.Name)]
public class EpisodeKernelTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    /// <summary>Relative to the gradient's largest component; shared with `pgvec selftest`.</summary>
    private const double Tolerance = PolicyGradient.SelfTest.DeviceTolerances.Gradient;

    private const ulong Seed = 11;

    private static EpisodeBatch Batch(CpuDeviceFixture fixture, int envs, int hidden) => new(fixture.Device, CartPoleShapes.Device, 1, envs, hidden, 500);

    /// <summary>Runs the batch and reads back what it played, as host-side episodes.</summary>
    private static (BatchStatistics Statistics, List<Episode> Episodes) RunAndRecord(EpisodeBatch batch, PolicyParameters policy, float gamma, int iteration = 3)
    {
        BatchStatistics statistics = batch.Rollout(policy, Seed, iteration, gamma);
        var episodes = batch.ReadLastRollout().Episodes();
        return (statistics, episodes);
    }

    /// <summary>The float32 policy the device ran, widened back to float64 for the host reference.</summary>
    private static PolicyParameters AsRunOnDevice(PolicyParameters policy) =>
        new(policy.Layout, policy.Values.Select(v => (double)(float)v).ToArray());

    /// <summary>
    /// Every built-in environment: its rewards (CartPole +1, Acrobot -1 and 0 on reaching the bar,
    /// MountainCar -1, Pendulum's cost, MountainCarContinuous's action cost and goal) come back with
    /// the episodes, and the host's returns-to-go are taken from them. A Gaussian policy's episodes
    /// hold its unclipped draws, from which the host computes log pi and its gradient, log_std's included.
    /// </summary>
    [Theory]
    [InlineData("CartPole-v1", 32, 0.99f)]
    [InlineData("CartPole-v1", 8, 0.9f)]
    [InlineData("CartPole-v1", 16, 1.0f)]
    [InlineData("CartPole-v1", 5, 0.99f)]
    [InlineData("Acrobot-v1", 32, 0.99f)]
    [InlineData("Acrobot-v1", 7, 0.9f)]
    [InlineData("MountainCar-v0", 32, 0.99f)]
    [InlineData("MountainCar-v0", 16, 1.0f)]
    [InlineData("Pendulum-v1", 32, 0.99f)]
    [InlineData("Pendulum-v1", 5, 0.9f)]
    [InlineData("MountainCarContinuous-v0", 32, 0.99f)]
    public void Reinforce_gradient_on_the_device_equals_the_host_reference_on_the_same_episodes(string id, int hidden, float gamma)
    {
        DeviceEnvironment environment = Environments.Named(id).Device;
        var parameters = PolicyParameters.Initialise(environment.Layout(hidden), 5);
        using var batch = new EpisodeBatch(fixture.Device, environment, 1, 48, hidden);
        var (statistics, episodes) = RunAndRecord(batch, parameters, gamma);

        // Host: float64 reference from the recorded float32 observations, actions and rewards.
        var host = AsRunOnDevice(parameters);
        var returnsToGo = episodes.Select(e => PolicyMath.ReturnsToGo(e.Rewards, gamma)).ToList();
        var weights = AdvantageNormalisation.Weights(returnsToGo, subtractBaseline: true, normalise: true);
        var expected = new double[host.Layout.Count];
        double expectedLoss = PolicyMath.ReinforceGradient(host.Values, host.Layout, episodes, weights, expected);

        var actual = batch.Gradient(LossWeights.For(Objective.Reinforce, statistics));
        AssertGradientsClose(expected, actual.Gradient.ToArray());
        PolicyMathTests.AssertClose(expectedLoss, actual.Loss, Tolerance, "loss");
        PolicyMathTests.AssertClose(HostEntropySum(host, episodes), actual.EntropySum, Tolerance, "entropy sum");
        Assert.Equal(episodes.Sum(e => e.Length), statistics.Steps);
        Assert.Equal(48, statistics.Episodes);
        // The device sums each episode's float32 rewards in float32, in step order.
        Assert.Equal(episodes.Min(Float32Return), statistics.ReturnMin);
        Assert.Equal(episodes.Max(Float32Return), statistics.ReturnMax);
        Assert.All(episodes, e => Assert.InRange(e.Length, 1, environment.MaxEpisodeSteps));
    }

    [Fact]
    public void Tutorial_objective_gradient_on_the_device_equals_the_mean_of_the_host_tutorial_loss_gradients()
    {
        const int hidden = 32;
        var parameters = PolicyParameters.Initialise(CartPoleShapes.Layout(hidden), 9);
        using var batch = Batch(fixture, 40, hidden);
        var (statistics, episodes) = RunAndRecord(batch, parameters, 0.99f);

        var host = AsRunOnDevice(parameters);
        var expected = new double[host.Layout.Count];
        var one = new double[host.Layout.Count];
        double expectedLoss = 0.0;
        foreach (var e in episodes)
        {
            expectedLoss += PolicyMath.TutorialLossGradient(host.Values, host.Layout, e, e.Length, PolicyMath.TutorialReturnOffset, one) / episodes.Count;
            for (int k = 0; k < one.Length; k++)
                expected[k] += one[k] / episodes.Count;
        }
        var actual = batch.Gradient(LossWeights.For(Objective.Tutorial, statistics));
        AssertGradientsClose(expected, actual.Gradient.ToArray());
        PolicyMathTests.AssertClose(expectedLoss, actual.Loss, Tolerance, "loss");
    }

    [Fact]
    public void Recorded_episodes_follow_the_float32_physics_and_end_where_Gymnasium_ends_them()
    {
        const int hidden = 32;
        using var batch = Batch(fixture, 64, hidden);
        var (_, episodes) = RunAndRecord(batch, PolicyParameters.Initialise(CartPoleShapes.Layout(hidden), 2), 0.99f);
        foreach (var e in episodes)
        {
            for (int t = 0; t < e.Length; t++)
            {
                var s = new CartPoleState(e.States[t][0], e.States[t][1], e.States[t][2], e.States[t][3]);
                Assert.InRange(e.Actions[t], 0, 1);
                Assert.Equal(1.0, e.Rewards[t]);
                var step = CartPoleEnv.Gymnasium.Step(s, e.Actions[t]);
                var next = step.State;
                if (t + 1 < e.Length)
                {
                    Assert.False(step.Terminated, "an episode continued past termination");
                    Assert.Equal([next.X, next.XDot, next.Theta, next.ThetaDot], e.States[t + 1], new FloatNear(1e-6f));
                }
                else if (e.Length < batch.MaxSteps)
                {
                    Assert.True(step.Terminated, "an episode ended before termination or truncation");
                }
            }
        }
        // A random policy's first state comes from the reset range.
        Assert.All(episodes, e => Assert.All(e.States[0], v => Assert.InRange(v, -0.05f, 0.05f)));
    }

    [Fact]
    public void Episodes_are_deterministic_for_a_seed_and_iteration_and_differ_across_iterations()
    {
        const int hidden = 16;
        var p = PolicyParameters.Initialise(CartPoleShapes.Layout(hidden), 1);
        using var batch = Batch(fixture, 100, hidden);
        double[] Gradient(int iteration) =>
            batch.Gradient(LossWeights.For(Objective.Reinforce, batch.Rollout(p, Seed, iteration, 0.99f))).Gradient.ToArray();
        double[] a = Gradient(1);
        Assert.Equal(a, Gradient(1));
        Assert.NotEqual(a, Gradient(2));
    }

    private static double Float32Return(Episode e) => e.Rewards.Aggregate(0.0f, (sum, r) => sum + (float)r);

    private static double HostEntropySum(PolicyParameters policy, IEnumerable<Episode> episodes)
    {
        if (policy.Layout.Head == PolicyHead.Gaussian)
            return episodes.Sum(e => e.Length) * PolicyMath.GaussianEntropy(policy.Values, policy.Layout);
        Span<double> logProbs = stackalloc double[policy.Layout.Actions];
        double sum = 0.0;
        foreach (var e in episodes)
        {
            foreach (float[] s in e.States)
            {
                PolicyMath.Logits(policy.Values, policy.Layout, s, logProbs);
                PolicyMath.LogSoftmax(logProbs, logProbs);
                sum += PolicyMath.Entropy(logProbs);
            }
        }
        return sum;
    }

    private void AssertGradientsClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        double norm = expected.Max(Math.Abs);
        Assert.True(norm > 1e-6, "the reference gradient is zero: the test would prove nothing");
        double worst = 0.0;
        for (int k = 0; k < expected.Length; k++)
        {
            double error = Math.Abs(expected[k] - actual[k]) / norm;
            worst = Math.Max(worst, error);
            Assert.True(error <= Tolerance, $"parameter {k}: host {expected[k]:R} vs device {actual[k]:R}");
        }
        output.WriteLine($"worst error relative to the largest component {worst:E2}");
    }

    private sealed class FloatNear(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance * Math.Max(1f, Math.Abs(x));
        public int GetHashCode(float obj) => 0;
    }
}
