using PolicyGradient.Environment;

namespace PolicyGradient.Tests.Environment;

public class MountainCarTests
{
    [Fact]
    public void Every_reference_episode_replays_bit_for_bit()
    {
        Assert.Equal(GymnasiumReplay.RecordedSteps(MountainCar.GymnasiumId), GymnasiumReplay.EveryEpisode(new MountainCar()));
    }

    [Fact]
    public void Resetting_to_any_recorded_state_continues_as_Gymnasium_did()
    {
        Assert.Equal(GymnasiumReplay.RecordedSteps(MountainCar.GymnasiumId), GymnasiumReplay.FromEveryRecordedState(new MountainCar()));
    }

    [Fact]
    public void Reset_draws_the_position_in_its_range_at_rest()
    {
        double[][] states = GymnasiumReplay.ResetStates(new MountainCar(), 2000);
        GymnasiumReplay.AssertUniform(states.Select(s => s[0]), -0.6, -0.4);
        Assert.All(states, s => Assert.Equal(0.0, s[1]));
    }

    [Fact]
    public void The_left_wall_stops_the_car_dead()
    {
        var env = new MountainCar();
        env.ResetTo([-1.19, -0.05]);
        StepResult result = env.Step(0);
        Assert.Equal([-1.2, 0.0], env.State.ToArray());
        Assert.Equal([-1.2f, 0f], result.Observation);
        Assert.Equal(-1.0, result.Reward);
    }

    [Fact]
    public void A_box_action_is_refused()
    {
        IReferenceEnvironment env = new MountainCar();
        env.Reset(0);
        Assert.Throws<InvalidOperationException>(() => env.Step([1f]));
    }
}
