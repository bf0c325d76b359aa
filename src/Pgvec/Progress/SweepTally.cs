using System.Diagnostics;
using PolicyGradient.Sweeps;

namespace Pgvec.Progress;

/// <summary>What the sweep displays count: agents solved per configuration, the latest iteration, env-steps per second.</summary>
/// <param name="targetReturns">Each environment's target, in the grid's order of environments.</param>
internal sealed class SweepTally(AgentGrid grid, IReadOnlyList<double> targetReturns)
{
    private readonly Stopwatch _sinceReport = Stopwatch.StartNew();
    private readonly int[] _solved = new int[grid.Configurations.Count];
    private double _reportedSeconds;

    public AgentGrid Grid => grid;
    public int Solved { get; private set; }
    public long EnvSteps { get; private set; }
    public int Iteration { get; private set; }
    /// <summary>The training clock the agents' own seconds read: the latest report's, ticking on until the next, so it never shows less than an agent that solved.</summary>
    public double Seconds => _reportedSeconds + _sinceReport.Elapsed.TotalSeconds;
    public double EnvStepsPerSecond => EnvSteps / Math.Max(Seconds, 1e-9);

    public int SolvedIn(int configuration) => _solved[configuration];

    /// <returns>True when this iteration met the target: the agent is solved and stops.</returns>
    public bool Count(AgentIteration iteration)
    {
        EnvSteps += iteration.Report.EnvSteps;
        if (iteration.Report.ElapsedSeconds >= _reportedSeconds)
        {
            _reportedSeconds = iteration.Report.ElapsedSeconds;
            _sinceReport.Restart();
        }
        Iteration = iteration.Report.Update;
        if (iteration.Report.RunningMeanReturn < targetReturns[grid.EnvironmentIndexOf(iteration.Agent)])
            return false;
        Solved++;
        _solved[grid.ConfigurationOf(iteration.Agent)]++;
        return true;
    }
}
