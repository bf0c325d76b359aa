using Pgvec.Progress;
using PolicyGradient.Sweeps;
using PolicyGradient.Training;

namespace PolicyGradient.Tests.Cli;

public class SweepTallyTests
{
    [Fact]
    public void The_elapsed_time_shown_is_never_less_than_the_training_seconds_of_an_agent_that_reported()
    {
        var grid = new AgentGrid([0], [0.1], [0.99], [Objective.Reinforce]);
        var tally = new SweepTally(grid, [475]);
        var report = new UpdateReport
        {
            Update = 12, Episodes = 64, MeanReturn = 480, MinReturn = 300, MaxReturn = 500, EnvSteps = 30_000, TotalEnvSteps = 200_000,
            EnvStepsPerSecond = 1e6, ElapsedSeconds = 5.0, PolicyLoss = 0.1, Entropy = 0.5, GradientNorm = 1.0,
        };

        Assert.True(tally.Count(new AgentIteration(0, report)));

        Assert.True(tally.Seconds >= 5.0, $"shows {tally.Seconds:F2} s for an agent that solved after 5 s of training");
    }
}
