using System.Globalization;
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
        foreach (EnvironmentDefinition env in Environments.All)
        {
            string[] cells = Assert.Single(run.StdoutLines, l => l.StartsWith(env.Id + " ")).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal([env.Device.Observations.ToString(), env.Device.Actions.ToString(), env.Device.MaxEpisodeSteps.ToString()], cells[1..4]);
            Assert.Equal(env.RewardThreshold is { } t ? t.ToString(CultureInfo.InvariantCulture) : "none", cells[4]);
            double random = RandomPolicyReturn.Mean(env, EnvironmentListing.RandomEpisodes, EnvironmentListing.RandomSeed);
            Assert.Equal(random.ToString("F2", CultureInfo.InvariantCulture), cells[5]);
        }
        Assert.Equal($"random policy: mean return of 100 episodes of uniformly random actions on the float64 reference, seed {EnvironmentListing.RandomSeed}", run.StdoutLines[^1]);
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
}
