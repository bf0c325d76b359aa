using System.Text.Json;

namespace PolicyGradient.Tests.Cli;

/// <summary>A summary.json as written, read field by field by its snake_case names.</summary>
public sealed class SummaryFile(JsonElement root)
{
    /// <summary>Exactly the fields README's summary.json table lists, in its order.</summary>
    public static readonly string[] FieldNames =
    [
        "mode", "env", "env_assembly", "device", "device_name", "envs", "seed", "objective", "solved", "iterations", "episodes",
        "env_steps", "setup_seconds", "wall_seconds", "seconds_to_solve", "env_steps_per_second",
        "final_mean_return", "greedy_eval_mean_return", "interrupted", "processes", "communication_seconds", "failed",
    ];

    public static SummaryFile Read(string path) => new(JsonDocument.Parse(File.ReadAllText(path)).RootElement);

    public JsonElement Root { get; } = root;
    public string[] Names => Root.EnumerateObject().Select(p => p.Name).ToArray();
    public (string Name, string Value)[] Fields => Root.EnumerateObject().Select(p => (p.Name, p.Value.GetRawText())).ToArray();
    public string String(string name) => Root.GetProperty(name).GetString()!;
    public double Number(string name) => Root.GetProperty(name).GetDouble();
    public long Integer(string name) => Root.GetProperty(name).GetInt64();
    public bool Solved => Root.GetProperty("solved").GetBoolean();
    public bool Interrupted => Root.GetProperty("interrupted").GetBoolean();
    public bool IsNull(string name) => Root.GetProperty(name).ValueKind == JsonValueKind.Null;
    public double? SecondsToSolve => Root.GetProperty("seconds_to_solve") is { ValueKind: JsonValueKind.Null } ? null : Number("seconds_to_solve");

    /// <summary>The invariants every summary keeps, whatever the run did.</summary>
    public void AssertConsistent()
    {
        Assert.Equal(FieldNames, Names);
        Assert.Equal(Solved, SecondsToSolve is not null);
        Assert.True(Number("wall_seconds") > 0);
        Assert.Equal(Integer("env_steps") / Number("wall_seconds"), Number("env_steps_per_second"), 1e-9 * Number("env_steps_per_second"));
        if (SecondsToSolve is double seconds)
            Assert.InRange(seconds, 0.0, Number("wall_seconds"));
        Assert.InRange(Number("greedy_eval_mean_return"), 1.0, 500.0);
        Assert.True(Integer("env_steps") >= Integer("episodes"), "every episode takes at least one step");
        Assert.InRange(Number("communication_seconds"), 0.0, Number("wall_seconds"));
        if (Integer("processes") == 1)
            Assert.Equal(0.0, Number("communication_seconds"));
    }
}
