using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyGradient.Checkpoints;
using PolicyGradient.Output;
using PolicyGradient.Tests.Cli;

namespace PolicyGradient.Tests.Golden;

/// <summary>
/// Trained bits pinned in tests/data/golden: every other reproducibility test compares two runs of
/// one build, which a change that moves every number the same way passes. These compare against
/// the bits an earlier build wrote. A change that must move them re-pins once (run with
/// PGVEC_UPDATE_GOLDEN=1) and says why in its commit.
/// </summary>
public class GoldenBitsTests
{
    /// <summary>Columns that measure time, not training.</summary>
    private static readonly string[] TimingColumns = ["wall_seconds", "env_steps_per_second"];

    [Fact]
    public void Train_reinforce_keeps_its_pinned_bits() =>
        AssertPinned("train-reinforce", ["train", "--envs", "24", "--seed", "5", "--device", "cpu", "--max-iterations", "6", "--quiet"], "checkpoint.safetensors");

    [Fact]
    public void Train_tutorial_objective_keeps_its_pinned_bits() =>
        AssertPinned("train-tutorial", ["train", "--envs", "24", "--seed", "5", "--device", "cpu", "--max-iterations", "6", "--objective", "tutorial", "--quiet"], "checkpoint.safetensors");

    [Fact]
    public void Baseline_keeps_its_pinned_bits() =>
        AssertPinned("baseline", ["baseline", "--seed", "3", "--max-episodes", "50", "--quiet"], "policy.safetensors");

    [Fact]
    public void Mixed_sweep_keeps_its_pinned_bits() =>
        AssertPinned("sweep", ["sweep", "--seeds", "0-1", "--lr", "0.03,0.1", "--envs", "16", "--max-iterations", "5", "--device", "cpu", "--quiet"],
            "policies/agent-000.safetensors", "policies/agent-001.safetensors", "policies/agent-002.safetensors", "policies/agent-003.safetensors");

    private static void AssertPinned(string name, string[] args, params string[] policyFiles)
    {
        using var run = new TempDirectory();
        CliRun result = CliRun.Of([.. args, "--out", run.Path]);
        Assert.True(result.Exit == 0, result.Stderr);

        var actual = new JsonObject { ["command"] = new JsonArray([.. args.Select(a => JsonValue.Create(a))]) };
        foreach (string file in policyFiles)
            actual[file] = new JsonArray([.. PolicyTensors.Read(run.Combine(file)).Values.Select(v => JsonValue.Create(v.ToString("R", CultureInfo.InvariantCulture)))]);
        string metrics = run.Combine(MetricsCsv.FileName);
        if (File.Exists(metrics))
            actual["metrics.csv"] = TrainingColumns(metrics);

        string path = Path.Combine(ReferenceData.Directory, "golden", name + ".json");
        if (System.Environment.GetEnvironmentVariable("PGVEC_UPDATE_GOLDEN") == "1")
            File.WriteAllText(path, actual.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");

        var pinned = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        foreach (var (key, value) in pinned)
        {
            if (key == "metrics.csv")
                AssertColumnsEqual(value!.AsObject(), actual[key]!.AsObject());
            else
                Assert.True(JsonNode.DeepEquals(value, actual[key]), $"golden/{name}.json: {key} moved");
        }
    }

    /// <summary>Every pinned column still holds the same values; columns added since are not pinned.</summary>
    private static void AssertColumnsEqual(JsonObject pinned, JsonObject actual)
    {
        foreach (var (column, values) in pinned)
            Assert.True(JsonNode.DeepEquals(values, actual[column]), $"metrics.csv column {column} moved");
    }

    private static JsonObject TrainingColumns(string csv)
    {
        string[] lines = File.ReadAllLines(csv);
        string[] header = lines[0].Split(',');
        var columns = new JsonObject();
        for (int c = 0; c < header.Length; c++)
        {
            if (!TimingColumns.Contains(header[c]))
                columns[header[c]] = new JsonArray([.. lines.Skip(1).Select(l => JsonValue.Create(l.Split(',')[c]))]);
        }
        return columns;
    }
}
