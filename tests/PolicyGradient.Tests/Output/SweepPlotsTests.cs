using PolicyGradient.Reporting.Plots;
using PolicyGradient.Output;
using PolicyGradient.Policy;
using PolicyGradient.Sweeps;
using PolicyGradient.Training;
using PolicyGradient.Tests.Cli;

namespace PolicyGradient.Tests.Output;

public class SweepPlotsTests
{
    [Fact]
    public void A_sweep_whose_agents_were_all_interrupted_draws_no_solved_plot_and_one_without_iterations_no_returns_plot()
    {
        using var temp = new TempDirectory();
        var grid = new AgentGrid([0, 1], [0.1], [0.99], [Objective.Reinforce]);
        TrainingOutcome[] interrupted = [.. grid.Agents.Select(a => new TrainingOutcome(false, 3, 12, 300, 0.5, null, 25.0,
            PolicyParameters.Initialise(CartPoleShapes.Layout(8), a.Seed), Interrupted: true))];

        Assert.False(SweepPlots.SaveSolved(temp.Path, grid, interrupted));
        Assert.False(SweepPlots.SaveReturns(temp.Path, grid, new SweepHistory(grid.Agents.Count), [475]));

        Assert.Empty(Directory.GetFiles(temp.Path));
    }
}
