using System.Globalization;
using System.Text.Json;
using PolicyGradient.Checkpoints;

namespace PolicyGradient.Tests.Cli;

/// <summary>Every file a run writes describes that run: config.json agrees with the policy's metadata and the summary.</summary>
public class RunRecordTests
{
    public static TheoryData<string[], string[]> Runs => new()
    {
        { ["train", "--envs", "8", "--device", "cpu", "--max-iterations", "2"], [""] },
        { ["baseline", "--max-episodes", "5"], [""] },
        { ["compare", "--envs", "8", "--device", "cpu", "--max-iterations", "2", "--max-episodes", "5"], ["baseline", "batched"] },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Config_json_of_every_run_matches_its_policy_metadata_and_summary(string[] args, string[] runs)
    {
        using var temp = new TempDirectory();

        var run = CliRun.Of([.. args, "--out", temp.Path, "--quiet"]);

        Assert.Equal(0, run.Exit);
        foreach (string half in runs)
        {
            string directory = temp.Combine(half);
            JsonElement config = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "config.json"))).RootElement;
            JsonElement options = config.GetProperty("options");
            var metadata = SafeTensorsFile.Read(Path.Combine(directory, "policy.safetensors")).Metadata;
            var summary = SummaryFile.Read(Path.Combine(directory, "summary.json"));

            Assert.Equal(Path.GetFullPath(directory).TrimEnd('/'), Path.GetFullPath(options.GetProperty("out").GetString()!).TrimEnd('/'));
            Assert.Equal(metadata["pgvec_version"], config.GetProperty("pgvec_version").GetString());
            foreach (var (key, value) in metadata.Where(m => m.Key is not ("format" or "pgvec_version")))
                Assert.True(options.TryGetProperty(key, out JsonElement recorded) && Text(recorded) == value, $"{half}: config.json's {key} is {(options.TryGetProperty(key, out var r) ? r.GetRawText() : "missing")}, the policy's {value}");
            Assert.Equal(summary.Integer("seed").ToString(CultureInfo.InvariantCulture), Text(options.GetProperty("seed")));
            Assert.Equal(summary.String("objective"), options.GetProperty("objective").GetString());
            Assert.Equal(summary.String("device"), config.GetProperty("device").GetString());
            if (options.TryGetProperty("envs", out JsonElement envs))
                Assert.Equal(summary.Integer("envs"), envs.GetInt64());
        }
    }

    [Fact]
    public void Config_json_of_a_sweep_matches_every_agents_policy_metadata()
    {
        using var temp = new TempDirectory();

        var run = CliRun.Of("sweep", "--seeds", "0-1", "--lr", "0.03,0.1", "--envs", "8", "--device", "cpu", "--max-iterations", "2", "--quiet", "--out", temp.Path);

        Assert.Equal(0, run.Exit);
        JsonElement config = JsonDocument.Parse(File.ReadAllText(temp.Combine("config.json"))).RootElement;
        JsonElement options = config.GetProperty("options");
        Assert.Equal(Path.GetFullPath(temp.Path), Path.GetFullPath(options.GetProperty("out").GetString()!));
        string[] axes = ["agent", "seed", "lr", "gamma", "objective"];
        foreach (string policy in Directory.GetFiles(temp.Combine("policies")))
        {
            var metadata = SafeTensorsFile.Read(policy).Metadata;
            Assert.Equal(metadata["pgvec_version"], config.GetProperty("pgvec_version").GetString());
            foreach (var (key, value) in metadata.Where(m => m.Key is not ("format" or "pgvec_version") && !axes.Contains(m.Key)))
                Assert.Equal(value, Text(options.GetProperty(key)));
            Assert.Contains(metadata["lr"], options.GetProperty("lr").GetString()!.Split(','));
        }
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out long whole) => whole.ToString(CultureInfo.InvariantCulture),
        JsonValueKind.Number => value.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        JsonValueKind.String => value.GetString()!,
        _ => value.GetRawText(),
    };
}
