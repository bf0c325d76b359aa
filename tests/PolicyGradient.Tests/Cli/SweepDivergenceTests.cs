using System.Text.Json;
using PolicyGradient.Checkpoints;

namespace PolicyGradient.Tests.Cli;

/// <summary>A sweep's agents are independent experiments: one that diverges is recorded as failed and the others train on, unchanged.</summary>
public class SweepDivergenceTests
{
    [Fact]
    public void A_diverging_learning_rate_fails_its_agents_alone_and_the_sweep_writes_everything_else()
    {
        using var temp = new TempDirectory();
        string[] shared = ["sweep", "--seeds", "0-1", "--envs", "8", "--device", "cpu", "--max-iterations", "3", "--quiet"];
        string mixed = temp.Combine("mixed"), alone = temp.Combine("alone");

        CliRun run = CliRun.Of([.. shared, "--lr", "1e30,0.1", "--out", mixed]);
        Assert.Equal(0, CliRun.Of([.. shared, "--lr", "0.1", "--out", alone]).Exit);

        Assert.True(run.Exit == 0, run.Stderr);
        Assert.Contains("2 agents diverged", run.Stdout);
        JsonElement[] agents = [.. JsonDocument.Parse(File.ReadAllText(Path.Combine(mixed, "sweep.json"))).RootElement.GetProperty("agents").EnumerateArray()];
        foreach (JsonElement failed in agents[..2])
        {
            Assert.StartsWith("training diverged at iteration ", failed.GetProperty("failed").GetString());
            Assert.Equal(JsonValueKind.Null, failed.GetProperty("policy").ValueKind);
            Assert.Equal(JsonValueKind.Null, failed.GetProperty("greedy_eval_mean_return").ValueKind);
            Assert.False(failed.GetProperty("solved").GetBoolean());
        }
        Assert.False(File.Exists(Path.Combine(mixed, "policies", "agent-000.safetensors")));
        // The healthy agents train exactly as they would without the failing ones beside them.
        for (int a = 0; a < 2; a++)
        {
            Assert.Equal(JsonValueKind.Null, agents[2 + a].GetProperty("failed").ValueKind);
            Assert.Equal(PolicyTensors.Read(Path.Combine(alone, "policies", $"agent-00{a}.safetensors")).Values,
                PolicyTensors.Read(Path.Combine(mixed, "policies", $"agent-00{2 + a}.safetensors")).Values);
        }
    }
}
