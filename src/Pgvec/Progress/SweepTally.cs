using System.Diagnostics;
using PolicyGradient.Sweeps;

namespace Pgvec.Progress;

/// <summary>What the sweep displays count: agents solved per configuration, the latest iteration, env-steps per second.</summary>
public sealed class SweepTally(AgentGrid grid, double targetReturn)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly int[] _solved = new int[grid.Configurations.Count];

    public AgentGrid Grid => grid;
    public int Solved { get; private set; }
    public long EnvSteps { get; private set; }
    public int Iteration { get; private set; }
    public double Seconds => _clock.Elapsed.TotalSeconds;
    public double EnvStepsPerSecond => EnvSteps / Math.Max(Seconds, 1e-9);

    public int SolvedIn(int configuration) => _solved[configuration];

    /// <returns>True when this iteration met the target: the agent is solved and stops.</returns>
    public bool Count(AgentIteration iteration)
    {
        EnvSteps += iteration.Report.EnvSteps;
        Iteration = iteration.Report.Update;
        if (iteration.Report.RunningMeanReturn < targetReturn)
            return false;
        Solved++;
        _solved[grid.ConfigurationOf(iteration.Agent)]++;
        return true;
    }
}
