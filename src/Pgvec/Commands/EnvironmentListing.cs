using System.Globalization;
using System.Text.Json;
using PolicyGradient.Environment;
using PolicyGradient.Output;

namespace Pgvec.Commands;

/// <summary>`pgvec envs`: each built-in environment's shape and targets, and what a random policy scores on it.</summary>
internal static class EnvironmentListing
{
    public const int RandomEpisodes = 100;
    public const ulong RandomSeed = 0;

    /// <param name="Actions">Discrete actions, or a Box's dimensions.</param>
    /// <param name="ActionSpace">As Gymnasium declares it: "Discrete(2)", "Box(1) [-2, 2]".</param>
    /// <param name="RewardThreshold">Gymnasium's reward_threshold; null where its registry has none (Pendulum-v1).</param>
    public sealed record Row(string Id, int Observations, int Actions, string ActionSpace, int MaxSteps, double? RewardThreshold, double RandomPolicyMeanReturn);

    public static IReadOnlyList<Row> Rows() =>
    [
        .. Environments.All.Select(e => new Row(e.Id, e.Device.Observations, e.Device.Actions, e.Device.ActionSpace.Description, e.Device.MaxEpisodeSteps,
            e.RewardThreshold, RandomPolicyReturn.Mean(e, RandomEpisodes, RandomSeed))),
    ];

    public static int Print(bool json, TextWriter stdout)
    {
        IReadOnlyList<Row> rows = Rows();
        if (json)
        {
            var report = new { Environments = rows, RandomPolicy = new { Episodes = RandomEpisodes, Seed = RandomSeed } };
            stdout.WriteLine(JsonSerializer.Serialize(report, JsonFile.Options));
            return ExitCodes.Completed;
        }
        int id = rows.Max(r => r.Id.Length), actions = Math.Max("actions".Length, rows.Max(r => r.ActionSpace.Length));
        stdout.WriteLine($"{"id".PadRight(id)} {"observations",12} {"actions".PadRight(actions)} {"max steps",9} {"reward threshold",16} {"random policy",13}");
        foreach (Row r in rows)
        {
            string threshold = r.RewardThreshold is { } t ? t.ToString(CultureInfo.InvariantCulture) : "none";
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Id.PadRight(id)} {r.Observations,12} {r.ActionSpace.PadRight(actions)} {r.MaxSteps,9} {threshold,16} {r.RandomPolicyMeanReturn,13:F2}"));
        }
        stdout.WriteLine($"random policy: mean return of {RandomEpisodes} episodes of uniformly random actions (uniform in the Box for a continuous environment) on the float64 reference, seed {RandomSeed}");
        return ExitCodes.Completed;
    }
}
