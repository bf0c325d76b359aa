using PolicyGradient.Kernels;
using PolicyGradient.Text;

namespace PolicyGradient.Environment;

/// <summary>The Gymnasium environments pgvec has float64 references for, by Gymnasium id.</summary>
internal static class ReferenceEnvironments
{
    private static readonly (EnvironmentSpec Spec, Func<IReferenceEnvironment> Create)[] Entries =
    [
        (new(CartPole.GymnasiumId, 4, new DiscreteActions(2), CartPoleConstants.MaxEpisodeSteps, 475.0), () => new CartPole()),
        (new(Acrobot.GymnasiumId, 6, new DiscreteActions(AcrobotConstants.ActionCount), AcrobotConstants.MaxEpisodeSteps, -100.0), () => new Acrobot()),
        (new(MountainCar.GymnasiumId, 2, new DiscreteActions(MountainCarConstants.ActionCount), MountainCarConstants.MaxEpisodeSteps, -110.0), () => new MountainCar()),
        (new(MountainCarContinuous.GymnasiumId, 2,
                new BoxActions([(float)MountainCarContinuousConstants.MinAction], [(float)MountainCarContinuousConstants.MaxAction]),
                MountainCarContinuousConstants.MaxEpisodeSteps, 90.0),
            () => new MountainCarContinuous()),
        (new(Pendulum.GymnasiumId, 3, new BoxActions([(float)-PendulumConstants.MaxTorque], [(float)PendulumConstants.MaxTorque]), PendulumConstants.MaxEpisodeSteps, null),
            () => new Pendulum()),
    ];

    public static IReadOnlyList<EnvironmentSpec> Specs { get; } = Entries.Select(e => e.Spec).ToArray();

    public static IReadOnlyList<string> Ids { get; } = Entries.Select(e => e.Spec.Id).ToArray();

    /// <exception cref="ArgumentException">The id is not one of <see cref="Ids"/> (ids match exactly, as gymnasium.make's do).</exception>
    public static EnvironmentSpec Spec(string id) => Entry(id).Spec;

    /// <summary>A new environment, as gymnasium.make(id) gives it (call Reset or ResetTo before stepping).</summary>
    /// <exception cref="ArgumentException">The id is not one of <see cref="Ids"/>.</exception>
    public static IReferenceEnvironment Create(string id) => Entry(id).Create();

    /// <summary>
    /// The id a name most likely means, for "did you mean": case-insensitive, with or without
    /// Gymnasium's version suffix ("acrobot" means Acrobot-v1), else the nearest by edit distance;
    /// null if none is close.
    /// </summary>
    public static string? ClosestId(string name)
    {
        var keys = Ids.SelectMany(id => new[] { (Key: id.ToLowerInvariant(), Id: id), (Key: Unversioned(id).ToLowerInvariant(), Id: id) }).ToArray();
        string? key = ClosestName.To(name.ToLowerInvariant(), keys.Select(k => k.Key));
        return key is null ? null : keys.First(k => k.Key == key).Id;
    }

    private static string Unversioned(string id) => id[..id.LastIndexOf("-v", StringComparison.Ordinal)];

    private static (EnvironmentSpec Spec, Func<IReferenceEnvironment> Create) Entry(string id)
    {
        foreach (var entry in Entries)
        {
            if (entry.Spec.Id == id)
                return entry;
        }
        throw new ArgumentException($"no reference environment {id}; known: {string.Join(", ", Ids)}", nameof(id));
    }
}
