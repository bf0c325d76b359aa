namespace PolicyGradient.Training;

/// <summary>Where one step's wall-clock went, in seconds; the phases follow the data one way.</summary>
/// <param name="Pack">Packing each active agent's parameters into the host staging arrays.</param>
/// <param name="Rollout">Upload, rollout launch, statistics reduction and its read-back.</param>
/// <param name="Weights">Choosing each agent's step weights from its statistics.</param>
/// <param name="Gradient">Upload, gradient launch, gradient reduction and its read-back.</param>
/// <param name="Update">Divergence checks and Adam, per agent.</param>
internal readonly record struct StepTimings(double Pack, double Rollout, double Weights, double Gradient, double Update)
{
    public double Total => Pack + Rollout + Weights + Gradient + Update;

    public static StepTimings operator +(StepTimings a, StepTimings b) =>
        new(a.Pack + b.Pack, a.Rollout + b.Rollout, a.Weights + b.Weights, a.Gradient + b.Gradient, a.Update + b.Update);
}

/// <summary>One agent's part of a step: its iteration's report and whether it has now met the target.</summary>
/// <param name="Agent">The agent's index in the batch (the order of its <see cref="AgentSettings"/>).</param>
/// <param name="SecondsToSolve">Training seconds when the agent first met the target; null while it has not.</param>
internal sealed record AgentStep(int Agent, UpdateReport Report, bool Solved, double? SecondsToSolve);

/// <summary>What one training iteration of a batch did: a report per agent that trained in it (finished agents have none) and its timings.</summary>
internal sealed record BatchStep(IReadOnlyList<AgentStep> Agents, StepTimings Timings)
{
    public long EnvSteps => Agents.Sum(a => a.Report.EnvSteps);
}
