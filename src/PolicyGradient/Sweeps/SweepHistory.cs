namespace PolicyGradient.Sweeps;

/// <summary>One agent after one iteration: what sweep.csv and the plots show.</summary>
internal sealed record AgentPoint(int Iteration, long EnvSteps, double MeanReturn);

/// <summary>Every agent's iterations so far, in the order they happened.</summary>
internal sealed class SweepHistory(int agents)
{
    private readonly List<AgentPoint>[] _points = [.. Enumerable.Range(0, agents).Select(_ => new List<AgentPoint>())];

    public int Agents => _points.Length;

    public void Record(AgentIteration iteration) =>
        _points[iteration.Agent].Add(new AgentPoint(iteration.Report.Update, iteration.Report.TotalEnvSteps, iteration.Report.MeanReturn));

    public IReadOnlyList<AgentPoint> Of(int agent) => _points[agent];
}
