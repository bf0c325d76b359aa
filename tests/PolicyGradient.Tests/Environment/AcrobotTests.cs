using PolicyGradient.Environment;

namespace PolicyGradient.Tests.Environment;

public class AcrobotTests
{
    [Fact]
    public void Every_reference_episode_replays_bit_for_bit()
    {
        Assert.Equal(GymnasiumReplay.RecordedSteps(Acrobot.GymnasiumId), GymnasiumReplay.EveryEpisode(new Acrobot()));
    }

    [Fact]
    public void Resetting_to_any_recorded_state_continues_as_Gymnasium_did()
    {
        Assert.Equal(GymnasiumReplay.RecordedSteps(Acrobot.GymnasiumId), GymnasiumReplay.FromEveryRecordedState(new Acrobot()));
    }

    [Fact]
    public void The_reset_observation_uses_NumPys_float32_cos_and_sin_where_they_differ_from_libm()
    {
        var env = new Acrobot();
        var records = ReferenceData.GymnasiumFile("Acrobot-v1_reset_numpy_float32_trig").GetProperty("episodes").EnumerateArray().ToList();
        Assert.Equal(64, records.Count);
        foreach (var record in records)
        {
            var reset = record.GetProperty("reset");
            float[] obs = env.ResetTo(PolicyGradient.SelfTest.GymnasiumRecords.StateValues(reset));
            float[] expected = PolicyGradient.SelfTest.GymnasiumRecords.Observation(reset);
            Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), obs.Select(BitConverter.SingleToInt32Bits));
            // The trap these records catch: (float)Math.Cos((double)x) misses NumPy's float32 kernel here.
            float theta1 = (float)env.State[0], theta2 = (float)env.State[1];
            float[] naive = [(float)Math.Cos(theta1), (float)Math.Sin(theta1), (float)Math.Cos(theta2), (float)Math.Sin(theta2)];
            foreach (var index in record.GetProperty("differs_at_index").EnumerateArray())
                Assert.NotEqual(naive[index.GetInt32()], obs[index.GetInt32()]);
        }
    }

    [Fact]
    public void Reset_draws_float32_angles_and_velocities_uniform_in_plus_minus_a_tenth()
    {
        var env = new Acrobot();
        double[][] states = GymnasiumReplay.ResetStates(env, 2000);
        Assert.All(states.SelectMany(s => s), v => Assert.Equal(v, (double)(float)v));
        for (int i = 0; i < 4; i++)
            GymnasiumReplay.AssertUniform(states.Select(s => s[i]), -0.1, 0.1);
        float[] obs = env.Reset(0);
        Assert.Equal([NumPyFloat32Trig.Cos((float)env.State[0]), NumPyFloat32Trig.Sin((float)env.State[0])], obs[..2]);
    }

    [Fact]
    public void A_box_action_is_refused()
    {
        IReferenceEnvironment env = new Acrobot();
        env.Reset(0);
        Assert.Throws<InvalidOperationException>(() => env.Step([0.5f]));
        Assert.Throws<ArgumentOutOfRangeException>(() => env.Step(3));
    }
}
