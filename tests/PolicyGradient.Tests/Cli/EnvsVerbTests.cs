using System.Globalization;
using System.Text.RegularExpressions;
using System.Text.Json;
using Pgvec.Commands;
using PolicyGradient.Environment;

namespace PolicyGradient.Tests.Cli;

public class EnvsVerbTests
{
    [Fact]
    public void Envs_prints_one_row_per_built_in_environment_with_its_facts_and_names_the_seed()
    {
        var run = CliRun.Of("envs");

        Assert.Equal(0, run.Exit);
        Assert.Equal("", run.Stderr);
        // An action space may hold a space ("Box(1) [-2, 2]"): the cells are read by their order and kind.
        var row = new Regex(@"^(\S+) +(\d+) (.+?) +(\d+) +(\S+) +(\S+)$");
        Assert.Matches("^id +observations actions +max steps reward threshold random policy$", run.StdoutLines[0]);
        foreach (EnvironmentDefinition env in Environments.All)
        {
            string[] cells = [.. row.Match(Assert.Single(run.StdoutLines, l => l.StartsWith(env.Id + " "))).Groups.Values.Skip(1).Select(g => g.Value)];
            Assert.Equal(env.Id, cells[0]);
            Assert.Equal([env.Device.Observations.ToString(), env.Device.MaxEpisodeSteps.ToString()], [cells[1], cells[3]]);
            Assert.Equal(env.Device.ActionSpace is BoxActions ? $"Box(1) {((BoxActions)env.Device.ActionSpace).BoundsText}" : $"Discrete({env.Device.Actions})", cells[2]);
            Assert.Equal(env.RewardThreshold is { } t ? t.ToString(CultureInfo.InvariantCulture) : "none", cells[4]);
            double random = RandomPolicyReturn.Mean(env, EnvironmentListing.RandomEpisodes, EnvironmentListing.RandomSeed);
            Assert.Equal(random.ToString("F2", CultureInfo.InvariantCulture), cells[5]);
        }
        Assert.Contains("Pendulum-v1                         3 Box(1) [-2, 2]       200             none", run.Stdout);
        Assert.Contains("MountainCarContinuous-v0            2 Box(1) [-1, 1]       999               90", run.Stdout);
        Assert.Equal($"random policy: mean return of 100 episodes of uniformly random actions (uniform in the Box for a continuous environment) on the float64 reference, seed {EnvironmentListing.RandomSeed}", run.StdoutLines[^1]);
    }

    [Fact]
    public void Envs_json_holds_the_same_rows_as_one_object()
    {
        var text = CliRun.Of("envs");
        var run = CliRun.Of("envs", "--json");

        Assert.Equal(0, run.Exit);
        JsonElement root = JsonDocument.Parse(run.Stdout).RootElement;
        JsonElement[] rows = [.. root.GetProperty("environments").EnumerateArray()];
        Assert.Equal(Environments.Ids, rows.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(100, root.GetProperty("random_policy").GetProperty("episodes").GetInt32());
        foreach (JsonElement row in rows)
        {
            string line = text.StdoutLines.Single(l => l.StartsWith(row.GetProperty("id").GetString() + " "));
            Assert.EndsWith(" " + row.GetProperty("random_policy_mean_return").GetDouble().ToString("F2", CultureInfo.InvariantCulture), line);
            Assert.Equal(row.GetProperty("max_steps").GetInt32(), Environments.Find(row.GetProperty("id").GetString()!)!.Device.MaxEpisodeSteps);
            Assert.Contains(" " + row.GetProperty("action_space").GetString() + " ", line);
        }
    }

    [Fact]
    public void A_random_policy_scores_what_each_environment_is_known_for_and_the_seed_decides_the_episodes()
    {
        // CartPole's random policy lasts about 22 steps; MountainCar's never reaches the flag in 200.
        Assert.InRange(RandomPolicyReturn.Mean(Environments.CartPole, 100, 0), 15, 30);
        Assert.Equal(-200.0, RandomPolicyReturn.Mean(Environments.MountainCar, 100, 0));
        Assert.InRange(RandomPolicyReturn.Mean(Environments.Acrobot, 100, 0), -500, -300);
        Assert.Equal(RandomPolicyReturn.Mean(Environments.CartPole, 100, 0), RandomPolicyReturn.Mean(Environments.CartPole, 100, 0));
        Assert.NotEqual(RandomPolicyReturn.Mean(Environments.CartPole, 100, 0), RandomPolicyReturn.Mean(Environments.CartPole, 100, 1));
    }

    [Fact]
    public void A_random_policy_on_a_continuous_environment_draws_its_actions_uniformly_in_the_Box()
    {
        // Pendulum pays th^2 + 0.1 thdot^2 + 0.001 u^2 per step: random torques leave it swinging low, about -1200 an episode.
        Assert.InRange(RandomPolicyReturn.Mean(Environments.Pendulum, 100, 0), -1500, -1000);
        // MountainCarContinuous charges 0.1 a^2 per step: E[a^2] = 1/3 for a uniform in [-1, 1], so -999 / 30 = -33.3 without the goal.
        double car = RandomPolicyReturn.Mean(Environments.MountainCarContinuous, 100, 0);
        Assert.InRange(car, -999.0 / 30 - 0.5, -999.0 / 30 + 0.5);
        Assert.NotEqual(car, RandomPolicyReturn.Mean(Environments.MountainCarContinuous, 100, 1));
    }
}
