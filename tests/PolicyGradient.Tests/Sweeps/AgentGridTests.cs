using PolicyGradient.Environment;
using PolicyGradient.Sweeps;
using PolicyGradient.Training;

namespace PolicyGradient.Tests.Sweeps;

public class AgentGridTests
{
    [Fact]
    public void Agents_run_configuration_by_configuration_lr_outermost_seeds_innermost()
    {
        var grid = new AgentGrid([5, 1], [0.1, 0.03], [0.99, 0.9], [Objective.Reinforce, Objective.Tutorial]);

        Assert.Equal(8, grid.Configurations.Count);
        Assert.Equal(16, grid.Agents.Count);
        var expected =
            from lr in new[] { 0.1, 0.03 }
            from gamma in new[] { 0.99, 0.9 }
            from objective in new[] { Objective.Reinforce, Objective.Tutorial }
            from seed in new ulong[] { 5, 1 }
            select new AgentSettings(seed, lr, gamma, objective);
        Assert.Equal(expected, grid.Agents);
        for (int agent = 0; agent < grid.Agents.Count; agent++)
        {
            var c = grid.Configurations[grid.ConfigurationOf(agent)];
            Assert.Equal((c.LearningRate, c.Gamma, c.Objective), (grid.Agents[agent].LearningRate, grid.Agents[agent].Gamma, grid.Agents[agent].Objective));
            Assert.Contains(agent, grid.AgentsOf(grid.ConfigurationOf(agent)));
        }
        Assert.Equal("lr 0.03, gamma 0.9, tutorial", grid.Configurations[7].Label);
    }

    [Fact]
    public void The_environment_is_the_outermost_axis_and_its_agents_are_neighbours()
    {
        EnvironmentDefinition[] environments = [Environments.Acrobot, Environments.CartPole];
        var grid = new AgentGrid(environments, [5, 1], [0.1, 0.03], [0.99], [Objective.Reinforce]);

        Assert.Equal(4, grid.Configurations.Count);
        Assert.Equal(8, grid.Agents.Count);
        Assert.Equal(4, grid.AgentsPerEnvironment);
        var expected =
            from environment in environments
            from lr in new[] { 0.1, 0.03 }
            from seed in new ulong[] { 5, 1 }
            select (environment, new AgentSettings(seed, lr, 0.99, Objective.Reinforce));
        Assert.Equal(expected, grid.Agents.Select((a, k) => (grid.EnvironmentOf(k), a)));
        Assert.Equal([0, 1, 2, 3], grid.AgentsOn(0));
        Assert.Equal([4, 5, 6, 7], grid.AgentsOn(1));
        Assert.All(Enumerable.Range(0, 8), a => Assert.Equal(grid.Configurations[grid.ConfigurationOf(a)].Environment, grid.EnvironmentOf(a)));
        // Several environments: the label names each configuration's.
        Assert.Equal("CartPole-v1, lr 0.03, gamma 0.99, reinforce", grid.Configurations[3].Label);
    }

    [Fact]
    public void An_empty_or_repeating_axis_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new AgentGrid([], [0.1], [0.99], [Objective.Reinforce]));
        Assert.Throws<ArgumentException>(() => new AgentGrid([1, 1], [0.1], [0.99], [Objective.Reinforce]));
        Assert.Throws<ArgumentException>(() => new AgentGrid([1], [0.1, 0.1], [0.99], [Objective.Reinforce]));
        Assert.Throws<ArgumentException>(() => new AgentGrid([], [1], [0.1], [0.99], [Objective.Reinforce]));
        Assert.Throws<ArgumentException>(() => new AgentGrid([Environments.Acrobot, Environments.Acrobot], [1], [0.1], [0.99], [Objective.Reinforce]));
    }
}
