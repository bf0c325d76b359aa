using PolicyGradient.Environment;
using PolicyGradient.Kernels;

namespace PolicyGradient.Tests.Environment;

public class CartPoleTests
{
    [Fact]
    public void Every_reference_step_matches_Gymnasium_bit_for_bit()
    {
        int checkedSteps = 0;
        foreach (var trajectory in ReferenceData.Trajectories)
        {
            int id = trajectory.GetProperty("id").GetInt32();
            var env = new CartPole(trajectory.GetProperty("sutton_barto_reward").GetBoolean());
            float[] obs = env.ResetTo(trajectory.GetProperty("initial_state").Doubles());
            Assert.Equal(trajectory.GetProperty("initial_obs").Floats(), obs);
            foreach (var step in trajectory.GetProperty("steps").EnumerateArray())
            {
                int t = step.GetProperty("t").GetInt32();
                var result = env.Step(step.GetProperty("action").GetInt32());
                string where = $"trajectory {id} step {t}";
                Assert.True(step.GetProperty("state").Doubles().SequenceEqual(env.State.ToArray()), $"state differs at {where}");
                Assert.True(step.GetProperty("obs").Floats().SequenceEqual(result.Observation), $"observation differs at {where}");
                Assert.Equal(step.GetProperty("reward").GetDouble(), result.Reward);
                Assert.Equal(step.GetProperty("terminated").GetBoolean(), result.Terminated);
                Assert.Equal(step.GetProperty("truncated").GetBoolean(), result.Truncated);
                var beyond = step.GetProperty("steps_beyond_terminated");
                int? expectedBeyond = beyond.ValueKind == System.Text.Json.JsonValueKind.Null ? null : beyond.GetInt32();
                Assert.Equal(expectedBeyond, env.StepsBeyondTerminated);
                checkedSteps++;
            }
        }
        // testdata/README.md says 1487 steps; the file holds 1467 (the sum of its "length" fields).
        Assert.Equal(ReferenceData.Trajectories.Sum(t => t.GetProperty("length").GetInt32()), checkedSteps);
        Assert.True(checkedSteps > 1400);
    }

    [Fact]
    public void Every_episode_of_the_classic_control_reference_replays_bit_for_bit()
    {
        Assert.Equal(GymnasiumReplay.RecordedSteps(CartPole.GymnasiumId), GymnasiumReplay.EveryEpisode(new CartPole()));
    }

    [Fact]
    public void Theta_threshold_is_twelve_degrees_computed_as_Gymnasium_does()
    {
        var constants = ReferenceData.Gymnasium.GetProperty("constants");
        Assert.Equal(CartPoleConstants.ThetaThreshold, constants.GetProperty("theta_threshold_radians").GetDouble());
        Assert.Equal(CartPoleConstants.TotalMass, constants.GetProperty("total_mass").GetDouble());
        Assert.Equal(CartPoleConstants.PoleMassLength, constants.GetProperty("polemass_length").GetDouble());
        Assert.Equal(CartPole.MaxEpisodeSteps, constants.GetProperty("max_episode_steps").GetInt32());
    }

    [Fact]
    public void Reset_is_uniform_in_the_reset_range_and_deterministic_for_a_key()
    {
        var env = new CartPole();
        var all = new List<double>();
        for (ulong key = 0; key < 2000; key++)
        {
            env.Reset(key);
            all.AddRange(env.State.ToArray());
            Assert.Equal(0, env.ElapsedSteps);
            Assert.Null(env.StepsBeyondTerminated);
        }
        Assert.All(all, v => Assert.InRange(v, -0.05, 0.05 - double.Epsilon));
        Assert.InRange(all.Min(), -0.05, -0.0499);
        Assert.InRange(all.Max(), 0.0499, 0.05);
        Assert.InRange(all.Average(), -0.002, 0.002);
        float[] first = env.Reset(7);
        float[] again = env.Reset(7);
        Assert.Equal(first, again);
        Assert.NotEqual(first, env.Reset(8));
    }

    [Fact]
    public void Truncates_at_500_steps_even_when_the_pole_stays_up()
    {
        var env = new CartPole();
        env.ResetTo([0.0, 0.0, 0.0, 0.0]);
        StepResult result = default;
        for (int t = 1; t <= 500; t++)
        {
            // Push against the pole's lean: a simple controller that keeps it up for 500 steps.
            var s = env.State;
            result = env.Step(s[2] + 0.5 * s[3] > 0 ? 1 : 0);
            Assert.False(result.Terminated, $"fell at step {t}");
            Assert.Equal(t == 500, result.Truncated);
        }
    }
}
