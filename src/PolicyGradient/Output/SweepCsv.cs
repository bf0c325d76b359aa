using System.Globalization;
using System.Text;
using PolicyGradient.Sweeps;
using PolicyGradient.Training;

namespace PolicyGradient.Output;

/// <summary>sweep.csv: one row per agent and iteration, agents in grid order; env came last, after the columns a one-environment sweep wrote before it.</summary>
internal static class SweepCsv
{
    public const string FileName = "sweep.csv";
    public const string Header = "agent,seed,lr,gamma,objective,iteration,env_steps,mean_return,env";

    public static void Write(string directory, AgentGrid grid, SweepHistory history)
    {
        var text = new StringBuilder(Header).Append('\n');
        for (int agent = 0; agent < history.Agents; agent++)
        {
            AgentSettings settings = grid.Agents[agent];
            string environment = grid.EnvironmentOf(agent).Id;
            foreach (AgentPoint point in history.Of(agent))
            {
                text.Append(string.Create(CultureInfo.InvariantCulture,
                    $"{agent},{settings.Seed},{settings.LearningRate:R},{settings.Gamma:R},{settings.Objective.Name()},{point.Iteration},{point.EnvSteps},{point.MeanReturn:R},{environment}\n"));
            }
        }
        AtomicFile.WriteAllText(Path.Combine(directory, FileName), text.ToString());
    }
}
