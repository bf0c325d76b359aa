using System.Globalization;
using System.Text.Json;
using Xunit.Abstractions;

namespace PolicyGradient.Tests.Cli;

public class ReplayVerbTests(ITestOutputHelper output)
{
    private static string[] ReplayArgs(JsonElement trajectory, params string[] more)
    {
        string state = string.Join(",", trajectory.GetProperty("initial_state").Doubles().Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
        string actions = string.Concat(trajectory.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("action").GetInt32()));
        var args = new List<string> { "replay", "--state", state, "--actions", actions };
        if (trajectory.GetProperty("sutton_barto_reward").GetBoolean())
            args.Add("--sutton-barto");
        return [.. args, .. more];
    }

    private static JsonElement[] Lines(CliRun run) => run.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();

    [Fact]
    public void Host_replay_prints_every_reference_trajectory_exactly()
    {
        int steps = 0;
        foreach (var trajectory in ReferenceData.Trajectories)
        {
            var run = CliRun.Of(ReplayArgs(trajectory));
            Assert.Equal(0, run.Exit);
            Assert.Equal("", run.Stderr);
            var expected = trajectory.GetProperty("steps").EnumerateArray().ToArray();
            var actual = Lines(run);
            Assert.Equal(expected.Length, actual.Length);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.Equal(["t", "action", "state", "obs", "reward", "terminated", "truncated"], actual[i].EnumerateObject().Select(p => p.Name));
                Assert.Equal(expected[i].GetProperty("t").GetInt32(), actual[i].GetProperty("t").GetInt32());
                Assert.Equal(expected[i].GetProperty("action").GetInt32(), actual[i].GetProperty("action").GetInt32());
                Assert.Equal(expected[i].GetProperty("state").Doubles(), actual[i].GetProperty("state").Doubles());
                Assert.Equal(expected[i].GetProperty("obs").Floats(), actual[i].GetProperty("obs").Floats());
                Assert.Equal(expected[i].GetProperty("reward").GetDouble(), actual[i].GetProperty("reward").GetDouble());
                Assert.Equal(expected[i].GetProperty("terminated").GetBoolean(), actual[i].GetProperty("terminated").GetBoolean());
                Assert.Equal(expected[i].GetProperty("truncated").GetBoolean(), actual[i].GetProperty("truncated").GetBoolean());
                steps++;
            }
        }
        Assert.Equal(ReferenceData.Trajectories.Sum(t => t.GetProperty("length").GetInt32()), steps);
    }

    /// <summary>
    /// float32 rounding compounds along a trajectory (the long balanced ones drift apart after
    /// about 45 steps, as any chaotic system does); over the first 40 steps of every reference
    /// trajectory the device stays within 1e-6 of Gymnasium, relative to the state's size floored
    /// at 1 (measured on the CPU accelerator: 6.2e-7 at worst), so the reward and termination
    /// bookkeeping can be checked exactly there: that covers the terminations of every trajectory
    /// up to 40 steps long, steps after termination and the Sutton-Barto reward.
    /// </summary>
    private const int ComparableSteps = 40;
    private const double Tolerance = 1e-6;

    [Fact]
    public void Device_replay_follows_Gymnasium_within_float32_rounding_with_the_same_rewards_and_flags()
    {
        double worst = 0.0;
        foreach (var trajectory in ReferenceData.Trajectories)
        {
            var run = CliRun.Of(ReplayArgs(trajectory, "--engine", "device", "--device", "cpu"));
            Assert.Equal(0, run.Exit);
            Assert.StartsWith("pgvec: device cpu ", Assert.Single(run.StderrLines));
            var expected = trajectory.GetProperty("steps").EnumerateArray().ToArray();
            var actual = Lines(run);
            Assert.Equal(expected.Length, actual.Length);
            for (int i = 0; i < expected.Length; i++)
            {
                string where = $"trajectory {trajectory.GetProperty("id")} step {i + 1}";
                Assert.Equal(i + 1, actual[i].GetProperty("t").GetInt32());
                // The time limit counts steps only, so it holds however far the states drift.
                Assert.Equal(expected[i].GetProperty("truncated").GetBoolean(), actual[i].GetProperty("truncated").GetBoolean());
                if (i >= ComparableSteps)
                    continue;
                double[] state = actual[i].GetProperty("state").Doubles();
                double[] reference = expected[i].GetProperty("state").Doubles();
                for (int k = 0; k < 4; k++)
                {
                    double error = Math.Abs(state[k] - reference[k]) / Math.Max(1.0, Math.Abs(reference[k]));
                    worst = Math.Max(worst, error);
                    Assert.True(error <= Tolerance, $"{where} component {k}: {state[k]} vs {reference[k]}");
                }
                Assert.Equal(state.Select(v => (float)v), actual[i].GetProperty("obs").Floats());
                Assert.Equal(expected[i].GetProperty("reward").GetDouble(), actual[i].GetProperty("reward").GetDouble());
                Assert.Equal(expected[i].GetProperty("terminated").GetBoolean(), actual[i].GetProperty("terminated").GetBoolean());
            }
        }
        output.WriteLine($"worst relative state error over the first {ComparableSteps} steps: {worst:E2}");
    }
}
