using PolicyGradient.Tests.Kernels;
using PolicyGradient.Training;
using Xunit.Abstractions;

namespace PolicyGradient.Tests.Training;

[Collection(CpuDeviceCollection.Name)]
public class LearningTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    /// <summary>Measured: 32 envs with seed 0 reach a mean return of 475 at iteration 57 (8 to 1024 envs, seeds 0-2: 44 to 88).</summary>
    private const int IterationBound = 150;

    [Fact]
    public void Batched_trainer_on_the_CPU_accelerator_reaches_the_target_within_150_iterations_at_32_envs()
    {
        var options = new TrainingOptions { Seed = 0, MaxUpdates = IterationBound };
        using var trainer = new BatchedTrainer(fixture.Device, 32, options);
        var means = new List<double>();

        TrainingOutcome outcome = trainer.Train(r => means.Add(r.MeanReturn));

        output.WriteLine($"solved after {outcome.Updates} iterations, {outcome.EnvSteps} env-steps");
        Assert.True(outcome.Solved, $"mean return {outcome.FinalMeanReturn} after {outcome.Updates} iterations");
        Assert.InRange(outcome.Updates, 1, IterationBound);
        Assert.True(means[^1] >= options.TargetReturn);
        Assert.True(means[0] < 100, "a fresh policy balances the pole for a few dozen steps at most");
        Assert.Equal(outcome.Updates * 32L, outcome.Episodes);
        // The final policy, played greedily on the float64 reference env, keeps the pole up.
        Assert.True(GreedyEvaluation.MeanReturn(outcome.Policy, options.Environment, 100, options.Seed) >= options.TargetReturn);
    }

    /// <summary>Measured with its defaults (256 envs, lr 0.05): seeds 0-7 solve in 3 to 19 iterations (bench/RESULTS.md).</summary>
    [Fact]
    public void Acrobot_learns_with_its_defaults_and_its_episodes_end_by_termination_once_it_does()
    {
        var acrobot = PolicyGradient.Environment.Environments.Acrobot;
        var options = new TrainingOptions { Environment = acrobot, Seed = 0, LearningRate = acrobot.Defaults.LearningRate, TargetReturn = acrobot.RewardThreshold!.Value, MaxUpdates = 40 };
        using var trainer = new BatchedTrainer(fixture.Device, acrobot.Defaults.Envs, options);
        var reports = new List<UpdateReport>();

        TrainingOutcome outcome = trainer.Train(reports.Add);

        output.WriteLine($"solved: {outcome.Solved} after {outcome.Updates} iterations, {outcome.EnvSteps} env-steps");
        Assert.True(outcome.Solved, $"mean return {outcome.FinalMeanReturn} after {outcome.Updates} iterations");
        // A fresh policy swings for the whole time limit (-500, truncated); a solving one raises the tip in under 100 steps.
        Assert.True(reports[0].MeanReturn < -300 && reports[0].Truncated > 0, $"first iteration: mean {reports[0].MeanReturn}, {reports[0].Truncated} truncated");
        Assert.Equal(acrobot.Defaults.Envs, reports[^1].Terminated + reports[^1].Truncated);
        Assert.True(reports[^1].Terminated > reports[^1].Truncated);
    }

    /// <summary>
    /// Measured with its defaults: seeds 0-7 reach -200 within 25 M env-steps (bench/RESULTS.md), a
    /// Gaussian policy trained on the device; greedy (the mean action) it swings up and holds.
    /// </summary>
    [Fact]
    public void Pendulum_learns_with_its_defaults_within_25_million_env_steps()
    {
        var pendulum = PolicyGradient.Environment.Environments.Pendulum;
        var options = new TrainingOptions
        {
            Environment = pendulum, Seed = 0, LearningRate = pendulum.Defaults.LearningRate, TargetReturn = pendulum.DefaultTargetReturn!.Value, MaxEnvSteps = 25_000_000,
        };
        using var trainer = new BatchedTrainer(fixture.Device, pendulum.Defaults.Envs, options);
        var reports = new List<UpdateReport>();

        TrainingOutcome outcome = trainer.Train(reports.Add);

        output.WriteLine($"solved: {outcome.Solved} after {outcome.Updates} iterations, {outcome.EnvSteps} env-steps; entropy {reports[0].Entropy:F3} -> {reports[^1].Entropy:F3}");
        Assert.True(outcome.Solved, $"mean return {outcome.FinalMeanReturn} after {outcome.Updates} iterations");
        // A fresh policy lets the pendulum hang and spin: about -1200 per episode, every one cut at 200 steps.
        Assert.True(reports[0].MeanReturn < -900, $"first iteration: mean {reports[0].MeanReturn}");
        Assert.All(reports, r => Assert.Equal(0, r.Terminated));
        Assert.True(GreedyEvaluation.MeanReturn(outcome.Policy, pendulum, 100, options.Seed) >= options.TargetReturn);
    }

    [Fact]
    public void Single_env_baselines_mean_return_rises_over_its_episodes()
    {
        var options = new TrainingOptions { Seed = 0, MaxUpdates = 250, TargetReturn = double.PositiveInfinity };
        var returns = new List<double>();

        TrainingOutcome outcome = new SingleEnvTrainer(options).Train(r => returns.Add(r.MaxReturn));

        double first = returns.Take(50).Average();
        double last = returns.TakeLast(50).Average();
        output.WriteLine($"mean return of episodes 1-50: {first:F1}, of episodes 201-250: {last:F1}");
        Assert.Equal(250, outcome.Updates);
        Assert.True(last > first + 100, $"mean return {first:F1} -> {last:F1}");
    }
}
