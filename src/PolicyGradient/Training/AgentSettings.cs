namespace PolicyGradient.Training;

/// <summary>
/// What one agent of a batch owns besides its parameters and optimiser state: its random streams
/// (the seed), its step size, its discount and its objective. The hidden size, the envs per agent,
/// the target and the budgets belong to the batch.
/// </summary>
internal sealed record AgentSettings(ulong Seed, double LearningRate, double Gamma, Objective Objective)
{
    public static AgentSettings From(TrainingOptions options) => new(options.Seed, options.LearningRate, options.Gamma, options.Objective);

    /// <summary>The options of a run that trains this agent alone.</summary>
    public TrainingOptions ApplyTo(TrainingOptions batch) =>
        batch with { Seed = Seed, LearningRate = LearningRate, Gamma = Gamma, Objective = Objective };
}
