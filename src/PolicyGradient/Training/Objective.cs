namespace PolicyGradient.Training;

/// <summary>The loss a trainer descends.</summary>
internal enum Objective
{
    /// <summary>Reward-to-go weights minus the batch mean, divided by their standard deviation.</summary>
    Reinforce,
    /// <summary>The tutorial's -mean_t(log pi) * (sum(rewards) - 15), one episode at a time.</summary>
    Tutorial,
}

internal static class ObjectiveNames
{
    public static string Name(this Objective objective) => objective switch
    {
        Objective.Reinforce => "reinforce",
        Objective.Tutorial => "tutorial",
        _ => throw new ArgumentOutOfRangeException(nameof(objective), objective, null),
    };
}
