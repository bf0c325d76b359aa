using PolicyGradient.Environment;

namespace PolicyGradient.Tests.Environment;

public class PendulumTests
{
    [Fact]
    public void Every_reference_episode_replays_bit_for_bit()
    {
        Assert.Equal(GymnasiumReplay.RecordedSteps(Pendulum.GymnasiumId), GymnasiumReplay.EveryEpisode(new Pendulum()));
    }

    [Fact]
    public void Resetting_to_any_recorded_state_continues_as_Gymnasium_did()
    {
        Assert.Equal(GymnasiumReplay.RecordedSteps(Pendulum.GymnasiumId), GymnasiumReplay.FromEveryRecordedState(new Pendulum()));
    }

    [Fact]
    public void Reset_draws_the_angle_in_plus_minus_pi_and_the_speed_in_plus_minus_one()
    {
        double[][] states = GymnasiumReplay.ResetStates(new Pendulum(), 2000);
        GymnasiumReplay.AssertUniform(states.Select(s => s[0]), -Math.PI, Math.PI);
        GymnasiumReplay.AssertUniform(states.Select(s => s[1]), -1.0, 1.0);
    }

    [Fact]
    public void It_never_terminates_and_truncates_at_200_steps()
    {
        var env = new Pendulum();
        env.Reset(3);
        for (int t = 1; t <= 200; t++)
        {
            StepResult result = env.Step([2f]);
            Assert.False(result.Terminated);
            Assert.Equal(t == 200, result.Truncated);
        }
    }

    [Fact]
    public void The_torque_is_clipped_for_the_cost_as_well_as_the_dynamics()
    {
        var clipped = new Pendulum();
        var limit = new Pendulum();
        clipped.ResetTo([1.0, 0.5]);
        limit.ResetTo([1.0, 0.5]);
        Assert.Equal(limit.Step([2f]), clipped.Step([7f]), (a, b) => a.Reward == b.Reward && a.Observation.SequenceEqual(b.Observation));
    }

    [Fact]
    public void An_int_action_is_refused()
    {
        IReferenceEnvironment env = new Pendulum();
        env.Reset(0);
        Assert.Throws<InvalidOperationException>(() => env.Step(1));
        Assert.Throws<ArgumentException>(() => env.Step([1f, 1f]));
    }
}
