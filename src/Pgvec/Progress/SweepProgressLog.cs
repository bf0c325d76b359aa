using System.Globalization;
using PolicyGradient.Sweeps;

namespace Pgvec.Progress;

/// <summary>
/// Plain progress lines for logs and redirected output: one when an agent meets the target, and
/// a count of agents solved at most once a second.
/// </summary>
internal sealed class SweepProgressLog(TextWriter stdout, SweepTally tally) : ISweepProgress
{
    private const double SecondsBetweenCounts = 1.0;

    private double _countedAt;

    public T Track<T>(Func<Action<AgentIteration>, T> train) => train(Report);

    private void Report(AgentIteration iteration)
    {
        if (tally.Count(iteration))
        {
            var agent = tally.Grid.Agents[iteration.Agent];
            var r = iteration.Report;
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"agent {iteration.Agent,4} ({tally.Grid.Configurations[tally.Grid.ConfigurationOf(iteration.Agent)].Label}, seed {agent.Seed}) solved at iteration {r.Update}, {r.TotalEnvSteps:N0} env-steps, {r.ElapsedSeconds:F2} s"));
        }
        if (tally.Seconds - _countedAt >= SecondsBetweenCounts)
        {
            _countedAt = tally.Seconds;
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{tally.Solved}/{tally.Grid.Agents.Count} agents solved  iteration {tally.Iteration}  env-steps/s {tally.EnvStepsPerSecond,12:N0}  elapsed {tally.Seconds,7:F2} s"));
        }
    }
}
