using PolicyGradient.SelfTest;
using System.Globalization;
using System.Text.Json;
using PolicyGradient.Environment;
using PolicyGradient.Kernels;
using PolicyGradient.Tests.Environment;
using Xunit.Abstractions;

namespace PolicyGradient.Tests.Cli;

/// <summary>`replay --env` for the environments beyond CartPole, against Gymnasium's recorded episodes (tests/data/gymnasium).</summary>
public class ReplayEnvironmentTests(ITestOutputHelper output)
{
    public static TheoryData<string> Ids => new(Acrobot.GymnasiumId, MountainCar.GymnasiumId, Pendulum.GymnasiumId, MountainCarContinuous.GymnasiumId);

    private static IEnumerable<(string Name, string[] Args, JsonElement[] Steps)> Episodes(string id, params string[] more)
    {
        foreach (JsonElement episode in ReferenceData.GymnasiumFile(id).GetProperty("episodes").EnumerateArray())
        {
            string state = string.Join(",", GymnasiumRecords.StateValues(episode.GetProperty("reset")).Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
            JsonElement[] steps = [.. episode.GetProperty("steps").EnumerateArray()];
            // Digits for a discrete environment; a Box's float32 actions as comma-separated round-trip decimals.
            string actions = steps[0].TryGetProperty("action_bits", out _)
                ? string.Join(",", steps.Select(s => GymnasiumRecords.Action(s).Box!.Single().ToString("R", CultureInfo.InvariantCulture)))
                : string.Concat(steps.Select(s => s.GetProperty("action").GetInt32()));
            yield return ($"{id} seed {episode.GetProperty("seed").GetInt32()}", ["replay", "--env", id, "--state", state, "--actions", actions, .. more], steps);
        }
    }

    private static JsonElement[] Lines(CliRun run) => [.. run.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Host_replay_prints_every_recorded_episode_bit_for_bit(string id)
    {
        int steps = 0;
        foreach (var (name, args, expected) in Episodes(id))
        {
            var run = CliRun.Of(args);
            Assert.Equal(0, run.Exit);
            Assert.Equal("", run.Stderr);
            JsonElement[] actual = Lines(run);
            Assert.Equal(expected.Length, actual.Length);
            for (int i = 0; i < expected.Length; i++)
            {
                string where = $"{name} step {i + 1}";
                // A Box action outside the Box also names what the environment applied (clipped_action, after the fields every line has).
                Assert.Equal(["t", "action", "state", "obs", "reward", "terminated", "truncated"], actual[i].EnumerateObject().Select(p => p.Name).Where(n => n != "clipped_action"));
                Assert.Equal(i + 1, actual[i].GetProperty("t").GetInt32());
                if (GymnasiumRecords.Action(expected[i]).Box is { } box)
                    Assert.Equal(box, actual[i].GetProperty("action").Floats());
                else
                    Assert.Equal(expected[i].GetProperty("action").GetInt32(), actual[i].GetProperty("action").GetInt32());
                Assert.True(GymnasiumRecords.StateValues(expected[i]).SequenceEqual(actual[i].GetProperty("state").Doubles()), $"state differs at {where}");
                Assert.True(GymnasiumRecords.Observation(expected[i]).SequenceEqual(actual[i].GetProperty("obs").Floats()), $"obs differs at {where}");
                Assert.Equal(expected[i].GetProperty("reward").GetDouble(), actual[i].GetProperty("reward").GetDouble());
                Assert.Equal(expected[i].GetProperty("terminated").GetBoolean(), actual[i].GetProperty("terminated").GetBoolean());
                Assert.Equal(expected[i].GetProperty("truncated").GetBoolean(), actual[i].GetProperty("truncated").GetBoolean());
                steps++;
            }
        }
        Assert.Equal(GymnasiumReplay.RecordedSteps(id), steps);
    }

    /// <summary>
    /// A loose bound, stated rather than derived: each state component within 1e-3 of Gymnasium's,
    /// relative to its size floored at 1, while the episode's float32 rounding (one step's error:
    /// DeviceTolerances.Step, 1e-6) has not yet grown past it. MountainCar's dynamics are damped
    /// (a velocity clip, a position clamp), so every step is compared; Acrobot is chaotic (a
    /// double pendulum), so only its first <see cref="AcrobotSteps"/> steps are.
    /// </summary>
    private const double Loose = 1e-3;

    private const int AcrobotSteps = 40;

    [Theory]
    [MemberData(nameof(Ids))]
    public void Device_replay_follows_Gymnasium_within_a_loose_bound_with_the_same_rewards_flags_and_time_limit(string id)
    {
        int compared = 0;
        double worst = 0.0;
        int horizon = id == Acrobot.GymnasiumId ? AcrobotSteps : int.MaxValue;
        foreach (var (name, args, expected) in Episodes(id, "--engine", "device", "--device", "cpu"))
        {
            var run = CliRun.Of(args);
            Assert.Equal(0, run.Exit);
            Assert.StartsWith("pgvec: device cpu ", Assert.Single(run.StderrLines));
            JsonElement[] actual = Lines(run);
            Assert.Equal(expected.Length, actual.Length);
            for (int i = 0; i < expected.Length; i++)
            {
                string where = $"{name} step {i + 1}";
                // The time limit counts steps only, so it holds however far the states drift.
                Assert.Equal(expected[i].GetProperty("truncated").GetBoolean(), actual[i].GetProperty("truncated").GetBoolean());
                if (i >= horizon)
                    continue;
                double[] state = actual[i].GetProperty("state").Doubles();
                double[] reference = GymnasiumRecords.StateValues(expected[i]);
                for (int k = 0; k < reference.Length; k++)
                {
                    double error = Math.Abs(state[k] - reference[k]) / Math.Max(1.0, Math.Abs(reference[k]));
                    worst = Math.Max(worst, error);
                    Assert.True(error <= Loose, $"{where} component {k}: {state[k]} vs {reference[k]}");
                }
                if (NearTermination(id, reference))
                    continue;
                double reward = expected[i].GetProperty("reward").GetDouble();
                // Discrete environments pay exact integers; a continuous one's reward is a float32 function of the float32 state.
                if (GymnasiumRecords.Action(expected[i]).Box is null)
                    Assert.Equal(reward, actual[i].GetProperty("reward").GetDouble());
                else
                    Assert.True(Math.Abs(reward - actual[i].GetProperty("reward").GetDouble()) / Math.Max(1.0, Math.Abs(reward)) <= Loose, $"{where} reward");
                Assert.Equal(expected[i].GetProperty("terminated").GetBoolean(), actual[i].GetProperty("terminated").GetBoolean());
                compared++;
            }
        }
        Assert.True(compared > 0, "no step was compared");
        output.WriteLine($"{id}: {compared} steps compared; worst relative error {worst:E2}");
    }

    /// <summary>Whether rounding within the bound could put this state on the other side of the terminal test.</summary>
    private static bool NearTermination(string id, double[] s) => id switch
    {
        Acrobot.GymnasiumId => Math.Abs(-Math.Cos(s[0]) - Math.Cos(s[1] + s[0]) - 1.0) <= 4 * Loose,
        MountainCar.GymnasiumId => Math.Abs(s[0] - MountainCarConstants.GoalPosition) <= Loose || (s[0] >= MountainCarConstants.GoalPosition && Math.Abs(s[1]) <= Loose),
        MountainCarContinuous.GymnasiumId => Math.Abs(s[0] - MountainCarContinuousConstants.GoalPosition) <= Loose || (s[0] >= MountainCarContinuousConstants.GoalPosition && Math.Abs(s[1]) <= Loose),
        _ => false,
    };

    [Theory]
    [InlineData("host")]
    [InlineData("device")]
    public void A_Box_action_outside_the_Box_is_clipped_as_Gymnasium_clips_it_and_its_line_says_what_was_applied(string engine)
    {
        var run = CliRun.Of("replay", "--env", "Pendulum-v1", "--state", "1,0.5", "--actions", "7,0.1,-3", "--engine", engine, "--device", "cpu");

        Assert.Equal(0, run.Exit);
        JsonElement[] lines = Lines(run);
        var reference = new Pendulum();
        reference.ResetTo([1.0, 0.5]);
        // What Gymnasium applies: 7 clipped to 2; 0.1 as the float32 Box holds it; -3 clipped to -2.
        float[][] applied = [[2f], [0.1f], [-2f]];
        float?[] clipped = [2f, null, -2f];
        for (int t = 0; t < 3; t++)
        {
            StepResult step = reference.Step(applied[t]);
            Assert.Equal(t == 1 ? [0.1f] : [t == 0 ? 7f : -3f], lines[t].GetProperty("action").Floats());
            if (clipped[t] is { } bound)
                Assert.Equal([bound], lines[t].GetProperty("clipped_action").Floats());
            else
                Assert.False(lines[t].TryGetProperty("clipped_action", out _));
            double[] state = lines[t].GetProperty("state").Doubles();
            if (engine == "host")
            {
                Assert.Equal(reference.State.ToArray(), state);
                Assert.Equal(step.Reward, lines[t].GetProperty("reward").GetDouble());
            }
            else
            {
                Assert.Equal(reference.State.ToArray(), state, (a, b) => Math.Abs(a - b) <= 1e-5 * Math.Max(1.0, Math.Abs(a)));
            }
        }
    }

    [Fact]
    public void MountainCarContinuous_clips_the_force_for_the_dynamics_but_charges_the_action_as_given()
    {
        var run = CliRun.Of("replay", "--env", "MountainCarContinuous-v0", "--state", "-0.5,0", "--actions", "1.5");
        var limit = CliRun.Of("replay", "--env", "MountainCarContinuous-v0", "--state", "-0.5,0", "--actions", "1");

        JsonElement beyond = Assert.Single(Lines(run)), at = Assert.Single(Lines(limit));
        Assert.Equal(at.GetProperty("state").Doubles(), beyond.GetProperty("state").Doubles());
        Assert.Equal([1f], beyond.GetProperty("clipped_action").Floats());
        var reference = new MountainCarContinuous();
        reference.ResetTo([-0.5, 0.0]);
        Assert.Equal(reference.Step([1.5f]).Reward, beyond.GetProperty("reward").GetDouble());
        Assert.Equal(-0.1 * 1.5 * 1.5, beyond.GetProperty("reward").GetDouble(), 1e-12);
        Assert.Equal(-0.1, at.GetProperty("reward").GetDouble(), 1e-12);
    }

    [Fact]
    public void Every_environment_names_as_many_state_values_as_its_reference_and_device_hold()
    {
        foreach (EnvironmentDefinition env in Environments.All)
        {
            Assert.Equal(env.CreateReference().State.Length, env.StateNames.Count);
            Assert.Equal(env.Device.StateSize, env.StateNames.Count);
        }
    }
}
