using System.Globalization;
using System.Text.Json;
using PolicyGradient.Environment;

namespace PolicyGradient.Tests.Environment;

public class ReferenceEnvironmentsTests
{
    public static TheoryData<string> Ids => new(ReferenceEnvironments.Ids);

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_spec_declares_what_Gymnasium_declares(string id)
    {
        JsonElement file = ReferenceData.GymnasiumFile(id);
        EnvironmentSpec spec = ReferenceEnvironments.Spec(id);
        Assert.Equal(file.GetProperty("max_episode_steps").GetInt32(), spec.MaxEpisodeSteps);
        Assert.Equal(file.GetProperty("observation_space").GetProperty("shape")[0].GetInt32(), spec.Observations);
        JsonElement actions = file.GetProperty("action_space");
        switch (spec.Actions)
        {
            case DiscreteActions discrete:
                Assert.Equal("Discrete", actions.GetProperty("class").GetString());
                Assert.Equal(actions.GetProperty("n").GetInt32(), discrete.Count);
                break;
            case BoxActions box:
                Assert.Equal("Box", actions.GetProperty("class").GetString());
                Assert.Equal(Floats(actions.GetProperty("low_bits")), box.Low);
                Assert.Equal(Floats(actions.GetProperty("high_bits")), box.High);
                break;
        }
    }

    [Fact]
    public void Reward_thresholds_are_Gymnasiums()
    {
        Assert.Equal([475.0, -100.0, -110.0, 90.0, null],
            new[] { "CartPole-v1", "Acrobot-v1", "MountainCar-v0", "MountainCarContinuous-v0", "Pendulum-v1" }.Select(id => ReferenceEnvironments.Spec(id).RewardThreshold));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Create_gives_the_environment_of_that_id_and_it_refuses_the_other_kind_of_action(string id)
    {
        IReferenceEnvironment env = ReferenceEnvironments.Create(id);
        Assert.Equal(id, env.Id);
        float[] obs = env.Reset(11);
        Assert.Equal(ReferenceEnvironments.Spec(id).Observations, obs.Length);
        if (ReferenceEnvironments.Spec(id).Actions is DiscreteActions)
            Assert.Throws<InvalidOperationException>(() => env.Step([0f]));
        else
            Assert.Throws<InvalidOperationException>(() => env.Step(0));
    }

    [Fact]
    public void An_unknown_id_is_refused_with_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => ReferenceEnvironments.Create("acrobot"));
        Assert.Contains("Acrobot-v1, MountainCar-v0", error.Message);
    }

    [Theory]
    [InlineData("acrobot", "Acrobot-v1")]
    [InlineData("ACROBOT-V1", "Acrobot-v1")]
    [InlineData("mountaincar", "MountainCar-v0")]
    [InlineData("MountainCarContinuous", "MountainCarContinuous-v0")]
    [InlineData("Pendulum-v0", "Pendulum-v1")]
    [InlineData("cartpol", "CartPole-v1")]
    [InlineData("HalfCheetah-v4", null)]
    public void ClosestId_finds_the_meant_id(string name, string? expected)
    {
        Assert.Equal(expected, ReferenceEnvironments.ClosestId(name));
    }

    private static float[] Floats(JsonElement bits) =>
        bits.EnumerateArray().Select(b => BitConverter.UInt32BitsToSingle(uint.Parse(b.GetString()!, NumberStyles.HexNumber, CultureInfo.InvariantCulture))).ToArray();
}
