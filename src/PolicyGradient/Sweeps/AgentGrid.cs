using System.Globalization;
using PolicyGradient.Environment;
using PolicyGradient.Training;

namespace PolicyGradient.Sweeps;

/// <summary>One point of a sweep's hyperparameter grid: the agents that differ only by seed.</summary>
internal sealed record SweepConfiguration(EnvironmentDefinition Environment, double LearningRate, double Gamma, Objective Objective)
{
    /// <summary>Whether <see cref="Label"/> names the environment: in a sweep of several, where the rest of the label does not tell them apart.</summary>
    public bool NamesEnvironment { get; init; }

    public string Label => string.Create(CultureInfo.InvariantCulture,
        $"{(NamesEnvironment ? Environment.Id + ", " : "")}lr {LearningRate:R}, gamma {Gamma:R}, {Objective.Name()}");
}

/// <summary>
/// Every combination of the grid's axes is one agent. The order is stable and documented:
/// configurations in the order environment (outermost), learning rate, gamma, objective, each
/// axis as given; seeds innermost, so agent = configuration * seeds + seed index, a
/// configuration's agents are neighbours and so are an environment's (one batch each).
/// </summary>
internal sealed class AgentGrid
{
    public const string OrderDescription =
        "configurations in the order env (outermost), lr, gamma, objective, each as given on the command line; seeds innermost: the agent index is the configuration index times the number of seeds, plus the index of the seed";

    /// <summary>A grid on CartPole-v1 alone, pgvec's default environment.</summary>
    public AgentGrid(IReadOnlyList<ulong> seeds, IReadOnlyList<double> learningRates, IReadOnlyList<double> gammas, IReadOnlyList<Objective> objectives)
        // The property Environments hides the class of that name here.
        : this([PolicyGradient.Environment.Environments.CartPole], seeds, learningRates, gammas, objectives)
    {
    }

    /// <param name="gammas">The discounts of every environment; null: each environment's own default, one each.</param>
    public AgentGrid(IReadOnlyList<EnvironmentDefinition> environments, IReadOnlyList<ulong> seeds, IReadOnlyList<double> learningRates,
        IReadOnlyList<double>? gammas, IReadOnlyList<Objective> objectives)
    {
        RequireDistinct(environments, "environments");
        RequireDistinct(seeds, "seeds");
        RequireDistinct(learningRates, "learning rates");
        if (gammas is not null)
            RequireDistinct(gammas, "gammas");
        RequireDistinct(objectives, "objectives");
        Environments = environments;
        Seeds = seeds;
        Configurations =
        [
            .. from environment in environments
               from lr in learningRates
               from gamma in gammas ?? [environment.Defaults.Gamma]
               from objective in objectives
               select new SweepConfiguration(environment, lr, gamma, objective) { NamesEnvironment = environments.Count > 1 },
        ];
        Agents = [.. from c in Configurations from seed in seeds select new AgentSettings(seed, c.LearningRate, c.Gamma, c.Objective)];
    }

    public IReadOnlyList<EnvironmentDefinition> Environments { get; }
    public IReadOnlyList<ulong> Seeds { get; }
    public IReadOnlyList<SweepConfiguration> Configurations { get; }
    public IReadOnlyList<AgentSettings> Agents { get; }

    public int ConfigurationOf(int agent) => agent / Seeds.Count;

    /// <summary>The index in <see cref="Environments"/> of the agent's environment.</summary>
    public int EnvironmentIndexOf(int agent) => agent / AgentsPerEnvironment;

    public EnvironmentDefinition EnvironmentOf(int agent) => Environments[EnvironmentIndexOf(agent)];

    /// <summary>The agent indices of one configuration, seed order.</summary>
    public IEnumerable<int> AgentsOf(int configuration) => Enumerable.Range(configuration * Seeds.Count, Seeds.Count);

    /// <summary>How many agents train on each environment: one batch's worth.</summary>
    public int AgentsPerEnvironment => Agents.Count / Environments.Count;

    /// <summary>The agent indices on environment number <paramref name="environment"/>, in grid order: neighbours.</summary>
    public IEnumerable<int> AgentsOn(int environment) => Enumerable.Range(environment * AgentsPerEnvironment, AgentsPerEnvironment);

    private static void RequireDistinct<T>(IReadOnlyList<T> values, string axis)
    {
        if (values.Count == 0)
            throw new ArgumentException($"a sweep needs at least one of its {axis}");
        if (values.Distinct().Count() != values.Count)
            throw new ArgumentException($"its {axis} repeat a value");
    }
}
