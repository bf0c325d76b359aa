using PolicyGradient.Kernels;
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
    /// How far the float32 device step may drift from Gymnasium's float64 one by step t, derived
    /// rather than tuned to the shipped trajectories. One step's float32 arithmetic rounds within a
    /// few ulps; <see cref="StepError"/> allows 16 ulps of 2^-23, relative to a component floored
    /// at 1, which also covers the pole's velocity, about lambda = 4 times its angle's error. An error
    /// then grows as the upright pole's unstable mode does: theta'' ~ g / (l (4/3 - m_pole / m_total))
    /// theta, so by exp(lambda tau) per step, about tenfold every 29 steps. Any valid trajectory stays
    /// within StepError * exp(lambda tau t); a wrong constant or formula is off by 1e-5 or more
    /// within a step or two. Steps are compared while that bound is below <see cref="UsefulBound"/>.
    /// </summary>
    private static readonly double StepError = 16 * Math.Pow(2, -23);

    private static readonly double GrowthPerStep = Math.Exp(
        Math.Sqrt(CartPoleConstants.Gravity / (CartPoleConstants.Length * (4.0 / 3.0 - CartPoleConstants.MassPole / CartPoleConstants.TotalMass)))
        * CartPoleConstants.Tau);

    private const double UsefulBound = 1e-4;

    private static double Bound(int step) => StepError * Math.Pow(GrowthPerStep, step);

    [Fact]
    public void Device_replay_follows_Gymnasium_within_float32_error_growth_with_the_same_rewards_and_flags()
    {
        double worstRatio = 0.0;
        int compared = 0;
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
                double bound = Bound(i + 1);
                if (bound > UsefulBound)
                    continue;
                double[] state = actual[i].GetProperty("state").Doubles();
                double[] reference = expected[i].GetProperty("state").Doubles();
                for (int k = 0; k < 4; k++)
                {
                    double error = Math.Abs(state[k] - reference[k]) / Math.Max(1.0, Math.Abs(reference[k]));
                    worstRatio = Math.Max(worstRatio, error / bound);
                    Assert.True(error <= bound, $"{where} component {k}: {state[k]} vs {reference[k]}, beyond the float32 bound {bound:E2}");
                }
                Assert.Equal(state.Select(v => (float)v), actual[i].GetProperty("obs").Floats());
                // Termination, and with it the reward, may differ only where rounding could put the state on the other side of a limit.
                bool nearLimit = Math.Abs(Math.Abs(reference[0]) - CartPoleConstants.XThreshold) <= bound
                                 || Math.Abs(Math.Abs(reference[2]) - CartPoleConstants.ThetaThreshold) <= bound;
                if (nearLimit)
                    continue;
                Assert.Equal(expected[i].GetProperty("reward").GetDouble(), actual[i].GetProperty("reward").GetDouble());
                Assert.Equal(expected[i].GetProperty("terminated").GetBoolean(), actual[i].GetProperty("terminated").GetBoolean());
                compared++;
            }
        }
        Assert.True(compared > 0, "no step was compared");
        output.WriteLine($"{compared} steps compared; worst error {worstRatio:P1} of its bound");
    }
}
