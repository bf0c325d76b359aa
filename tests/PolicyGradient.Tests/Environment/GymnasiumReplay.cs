using System.Globalization;
using System.Text.Json;
using PolicyGradient.Environment;
using static PolicyGradient.SelfTest.GymnasiumRecords;

namespace PolicyGradient.Tests.Environment;

/// <summary>
/// Replays the episodes of a Gymnasium reference file (tests/data/gymnasium/ID.json) on a
/// reference environment from each recorded reset state with the recorded actions, and requires
/// the recorded bits of every observation, state value and reward and every flag.
/// </summary>
internal static class GymnasiumReplay
{
    /// <summary>Replays every episode; returns the number of steps checked.</summary>
    public static int EveryEpisode(IReferenceEnvironment env)
    {
        JsonElement file = ReferenceData.GymnasiumFile(env.Id);
        int steps = 0;
        foreach (JsonElement episode in file.GetProperty("episodes").EnumerateArray())
        {
            string name = $"{env.Id} seed {episode.GetProperty("seed").GetInt32()} ({episode.GetProperty("policy").GetString()})";
            JsonElement reset = episode.GetProperty("reset");
            float[] obs = env.ResetTo(StateValues(reset));
            AssertBits(reset, obs, env, $"{name} reset");
            foreach (JsonElement step in episode.GetProperty("steps").EnumerateArray())
            {
                int t = step.GetProperty("t").GetInt32();
                StepResult result = Step(env, step);
                string where = $"{name} step {t}";
                AssertBits(step, result.Observation, env, where);
                Assert.True(Hex(step.GetProperty("reward_bits")) == (ulong)BitConverter.DoubleToInt64Bits(result.Reward),
                    $"reward differs at {where}: {result.Reward:R} vs {step.GetProperty("reward").GetDouble():R}");
                Assert.True(step.GetProperty("terminated").GetBoolean() == result.Terminated, $"terminated differs at {where}");
                Assert.True(step.GetProperty("truncated").GetBoolean() == result.Truncated, $"truncated differs at {where}");
                Assert.Equal(t, env.ElapsedSteps);
                steps++;
            }
            Assert.Equal(episode.GetProperty("length").GetInt32(), env.ElapsedSteps);
        }
        return steps;
    }

    /// <summary>
    /// From every recorded state (after reset and after each step), ResetTo gives the recorded
    /// observation and one step with the next recorded action gives the next record: ResetTo(State)
    /// restores an episode in flight. Returns the number of steps checked.
    /// </summary>
    public static int FromEveryRecordedState(IReferenceEnvironment env)
    {
        int steps = 0;
        foreach (JsonElement episode in ReferenceData.GymnasiumFile(env.Id).GetProperty("episodes").EnumerateArray())
        {
            JsonElement before = episode.GetProperty("reset");
            foreach (JsonElement step in episode.GetProperty("steps").EnumerateArray())
            {
                string where = $"{env.Id} seed {episode.GetProperty("seed").GetInt32()} step {step.GetProperty("t").GetInt32()} from the state before";
                AssertBits(before, env.ResetTo(StateValues(before)), env, where);
                StepResult result = Step(env, step);
                AssertBits(step, result.Observation, env, where);
                Assert.Equal(Hex(step.GetProperty("reward_bits")), (ulong)BitConverter.DoubleToInt64Bits(result.Reward));
                Assert.Equal(step.GetProperty("terminated").GetBoolean(), result.Terminated);
                before = step;
                steps++;
            }
        }
        return steps;
    }

    /// <summary>The number of steps a reference file records (the sum of its episodes' lengths).</summary>
    public static int RecordedSteps(string id) =>
        ReferenceData.GymnasiumFile(id).GetProperty("episodes").EnumerateArray().Sum(e => e.GetProperty("length").GetInt32());

    /// <summary>
    /// The states pgvec's own reset draws for stream keys 0 .. count - 1, checking that a key always
    /// gives the same episode start and that reset clears the time limit.
    /// </summary>
    public static double[][] ResetStates(IReferenceEnvironment env, int count)
    {
        var states = new double[count][];
        for (int key = 0; key < count; key++)
        {
            float[] obs = env.Reset((ulong)key);
            Assert.Equal(0, env.ElapsedSteps);
            states[key] = env.State.ToArray();
            Assert.Equal(obs, env.Reset((ulong)key));
        }
        Assert.NotEqual(states[0], states[1]);
        return states;
    }

    /// <summary>Draws of a uniform in [low, high): inside it and reaching near both ends.</summary>
    public static void AssertUniform(IEnumerable<double> draws, double low, double high)
    {
        double[] values = draws.ToArray();
        Assert.All(values, v => Assert.True(v >= low && v < high, $"{v:R} is outside [{low:R}, {high:R})"));
        double margin = (high - low) * 0.01;
        Assert.InRange(values.Min(), low, low + margin);
        Assert.InRange(values.Max(), high - margin, high);
        Assert.InRange(values.Average(), (low + high) / 2 - 5 * margin, (low + high) / 2 + 5 * margin);
    }

    /// <summary>The recorded action of a step: an int for a Discrete space, float32 bits for a Box.</summary>
    public static StepResult Step(IReferenceEnvironment env, JsonElement step) =>
        step.TryGetProperty("action_bits", out JsonElement bits)
            ? env.Step(bits.EnumerateArray().Select(b => BitConverter.UInt32BitsToSingle((uint)Hex(b))).ToArray())
            : env.Step(step.GetProperty("action").GetInt32());

    private static void AssertBits(JsonElement record, float[] observation, IReferenceEnvironment env, string where)
    {
        float[] expected = Observation(record);
        Assert.True(expected.Select(BitConverter.SingleToInt32Bits).SequenceEqual(observation.Select(BitConverter.SingleToInt32Bits)),
            $"observation differs at {where}: [{string.Join(", ", observation.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}]"
            + $" vs [{string.Join(", ", expected.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}]");
        double[] state = StateValues(record);
        Assert.True(state.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(env.State.ToArray().Select(BitConverter.DoubleToInt64Bits)),
            $"state differs at {where}: [{string.Join(", ", env.State.ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}]"
            + $" vs [{string.Join(", ", state.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}]");
    }
}
