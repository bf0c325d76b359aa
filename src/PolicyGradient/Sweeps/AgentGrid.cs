using System.Globalization;
using PolicyGradient.Training;

namespace PolicyGradient.Sweeps;

/// <summary>One point of a sweep's hyperparameter grid: the agents that differ only by seed.</summary>
public sealed record SweepConfiguration(double LearningRate, double Gamma, Objective Objective)
{
    public string Label => string.Create(CultureInfo.InvariantCulture, $"lr {LearningRate:R}, gamma {Gamma:R}, {Objective.Name()}");
}

/// <summary>
/// Every combination of the grid's axes is one agent. The order is stable and documented:
/// configurations in the order learning rate (outermost), gamma, objective, each axis as given;
/// seeds innermost, so agent = configuration * seeds + seed index and a configuration's agents
/// are neighbours.
/// </summary>
public sealed class AgentGrid
{
    public const string OrderDescription =
        "configurations in the order lr (outermost), gamma, objective, each as given on the command line; seeds innermost: the agent index is the configuration index times the number of seeds, plus the index of the seed";

    public AgentGrid(IReadOnlyList<ulong> seeds, IReadOnlyList<double> learningRates, IReadOnlyList<double> gammas, IReadOnlyList<Objective> objectives)
    {
        RequireDistinct(seeds, "seeds");
        RequireDistinct(learningRates, "learning rates");
        RequireDistinct(gammas, "gammas");
        RequireDistinct(objectives, "objectives");
        Seeds = seeds;
        Configurations =
        [
            .. from lr in learningRates
               from gamma in gammas
               from objective in objectives
               select new SweepConfiguration(lr, gamma, objective),
        ];
        Agents = [.. from c in Configurations from seed in seeds select new AgentSettings(seed, c.LearningRate, c.Gamma, c.Objective)];
    }

    public IReadOnlyList<ulong> Seeds { get; }
    public IReadOnlyList<SweepConfiguration> Configurations { get; }
    public IReadOnlyList<AgentSettings> Agents { get; }

    public int ConfigurationOf(int agent) => agent / Seeds.Count;

    /// <summary>The agent indices of one configuration, seed order.</summary>
    public IEnumerable<int> AgentsOf(int configuration) => Enumerable.Range(configuration * Seeds.Count, Seeds.Count);

    private static void RequireDistinct<T>(IReadOnlyList<T> values, string axis)
    {
        if (values.Count == 0)
            throw new ArgumentException($"a sweep needs at least one of its {axis}");
        if (values.Distinct().Count() != values.Count)
            throw new ArgumentException($"its {axis} repeat a value");
    }
}
