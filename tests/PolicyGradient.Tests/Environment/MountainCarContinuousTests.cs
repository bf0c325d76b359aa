using PolicyGradient.Environment;

namespace PolicyGradient.Tests.Environment;

public class MountainCarContinuousTests
{
    [Fact]
    public void Every_reference_episode_replays_bit_for_bit()
    {
        Assert.Equal(GymnasiumReplay.RecordedSteps(MountainCarContinuous.GymnasiumId), GymnasiumReplay.EveryEpisode(new MountainCarContinuous()));
    }

    [Fact]
    public void Reset_draws_the_position_in_its_range_at_rest()
    {
        double[][] states = GymnasiumReplay.ResetStates(new MountainCarContinuous(), 2000);
        GymnasiumReplay.AssertUniform(states.Select(s => s[0]), -0.6, -0.4);
        Assert.All(states, s => Assert.Equal(0.0, s[1]));
    }

    [Fact]
    public void The_state_is_float32_after_a_step()
    {
        var env = new MountainCarContinuous();
        env.Reset(5);
        float[] obs = env.Step([0.3f]).Observation;
        Assert.Equal(obs.Select(v => (double)v), env.State.ToArray());
    }

    [Fact]
    public void The_reward_charges_the_unclipped_action_and_a_zero_action_pays_plus_zero()
    {
        var env = new MountainCarContinuous();
        env.Reset(1);
        Assert.Equal(0L, BitConverter.DoubleToInt64Bits(env.Step([0f]).Reward));
        Assert.Equal(-Math.Pow(3f, 2.0) * 0.1, env.Step([3f]).Reward);
    }

    [Fact]
    public void An_int_action_is_refused()
    {
        IReferenceEnvironment env = new MountainCarContinuous();
        env.Reset(0);
        Assert.Throws<InvalidOperationException>(() => env.Step(1));
    }
}
