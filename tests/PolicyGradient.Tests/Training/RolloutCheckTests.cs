using PolicyGradient.Batched;
using PolicyGradient.Kernels;
using PolicyGradient.Tests.Kernels;
using PolicyGradient.Training;

namespace PolicyGradient.Tests.Training;

/// <summary>A device that accepted the launches but ran nothing returns no episodes: the run stops instead of training on zeros.</summary>
[Collection(CpuDeviceCollection.Name)]
public class RolloutCheckTests(CpuDeviceFixture fixture)
{
    private static BatchStatistics Row(double steps, double episodes)
    {
        var row = new double[EpisodeStatistics.Width];
        row[EpisodeStatistics.Steps] = steps;
        row[EpisodeStatistics.ReturnSum] = steps;
        row[EpisodeStatistics.Episodes] = episodes;
        return new BatchStatistics(row);
    }

    [Fact]
    public void No_episodes_from_the_device_say_its_kernels_did_not_run()
    {
        var e = Assert.Throws<DeviceResultException>(() => RolloutCheck.EnsureEveryEnvPlayed(Row(0, 0), 4096, 1));

        Assert.Equal("the device returned no episodes: its kernels did not run (iteration 1, 4,096 envs)", e.Message);
    }

    [Theory]
    [InlineData(4000, 4000)]    // fewer episodes than envs
    [InlineData(8192, 8192)]    // more
    [InlineData(0, 4096)]       // episodes of no steps: a stale or garbled row
    public void An_episode_count_that_is_not_one_per_env_is_refused_naming_both(double steps, double episodes)
    {
        var e = Assert.Throws<DeviceResultException>(() => RolloutCheck.EnsureEveryEnvPlayed(Row(steps, episodes), 4096, 3, agent: 2));

        Assert.Contains($"{episodes:N0} episodes and {steps:N0} steps for 4,096 envs (iteration 3 of agent 2)", e.Message);
    }

    [Fact]
    public void One_episode_per_env_passes()
    {
        RolloutCheck.EnsureEveryEnvPlayed(Row(4096 * 20, 4096), 4096, 1);
    }

    [Fact]
    public void A_trainer_on_the_CPU_accelerator_passes_the_check_every_iteration()
    {
        var agent = new AgentSettings(1, 0.01, 0.99, Objective.Reinforce);
        using var trainer = new BatchedTrainer(fixture.Device, new BatchSettings(16, 32, double.PositiveInfinity, 3, double.PositiveInfinity), [agent]);

        var outcome = trainer.TrainAll()[0];

        Assert.Equal(3, outcome.Updates);
        Assert.Equal(3 * 16, outcome.Episodes);
    }
}
