using System.Text.Json;
using PolicyGradient.Checkpoints;
using PolicyGradient.Tests.Checkpoints;

namespace PolicyGradient.Tests.Cli;

/// <summary>A sweep of CartPole-v1 and Acrobot-v1, and the two one-environment sweeps of the same grid, made once.</summary>
public sealed class TwoEnvironmentSweeps : IDisposable
{
    public static readonly string[] Grid = ["--seeds", "0-1", "--envs", "8", "--max-iterations", "2", "--device", "cpu", "--quiet"];

    private readonly TempDirectory _temp = new();

    public TwoEnvironmentSweeps()
    {
        Both = CliRun.Of(["sweep", "--env", "CartPole-v1,Acrobot-v1", .. Grid, "--out", Directory("both")]);
        foreach (string env in new[] { "CartPole-v1", "Acrobot-v1" })
            Alone[env] = CliRun.Of(["sweep", "--env", env, .. Grid, "--out", Directory(env)]);
    }

    public CliRun Both { get; }
    public Dictionary<string, CliRun> Alone { get; } = [];

    public string Directory(string name) => _temp.Combine(name);

    public JsonElement Report(string name) => JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory(name), "sweep.json"))).RootElement;

    public string[][] CsvRows(string name) => [.. File.ReadAllLines(Path.Combine(Directory(name), "sweep.csv")).Skip(1).Select(l => l.Split(','))];

    public void Dispose() => _temp.Dispose();
}

public class SweepEnvironmentTests(TwoEnvironmentSweeps sweeps) : IClassFixture<TwoEnvironmentSweeps>
{
    /// <summary>The two-environment sweep's agent, its environment, and that agent in the one-environment sweep.</summary>
    public static TheoryData<int, string, int> Agents => new()
    {
        { 0, "CartPole-v1", 0 },
        { 1, "CartPole-v1", 1 },
        { 2, "Acrobot-v1", 0 },
        { 3, "Acrobot-v1", 1 },
    };

    [Theory]
    [MemberData(nameof(Agents))]
    public void Each_agent_ends_with_the_policy_of_the_same_agent_in_a_sweep_of_its_environment_alone(int agent, string env, int alone)
    {
        Assert.Equal(0, sweeps.Both.Exit);
        Assert.Equal(0, sweeps.Alone[env].Exit);
        var fromBoth = RawSafeTensors.Of(Path.Combine(sweeps.Directory("both"), "policies", $"agent-{agent:D3}.safetensors"));
        var fromAlone = RawSafeTensors.Of(Path.Combine(sweeps.Directory(env), "policies", $"agent-{alone:D3}.safetensors"));
        foreach (string name in PolicyTensors.NamesOf(PolicyTensors.Read(Path.Combine(sweeps.Directory("both"), "policies", $"agent-{agent:D3}.safetensors")).Layout))
            Assert.True(fromBoth.Data(name).SequenceEqual(fromAlone.Data(name)), $"{name} differs");
        // Its iterations too: the rows of sweep.csv past the agent column, env last.
        Assert.Equal(
            sweeps.CsvRows(env).Where(r => r[0] == $"{alone}").Select(r => string.Join(',', r[1..])),
            sweeps.CsvRows("both").Where(r => r[0] == $"{agent}").Select(r => string.Join(',', r[1..])));
        Assert.All(sweeps.CsvRows("both").Where(r => r[0] == $"{agent}"), r => Assert.Equal(env, r[^1]));
    }

    [Theory]
    [MemberData(nameof(Agents))]
    public void Each_agent_names_its_environment_in_sweep_json_and_its_policy_metadata(int agent, string env, int alone)
    {
        JsonElement both = sweeps.Report("both").GetProperty("agents")[agent];
        JsonElement single = sweeps.Report(env).GetProperty("agents")[alone];
        Assert.Equal(env, both.GetProperty("env").GetString());
        Assert.Equal(env, single.GetProperty("env").GetString());
        foreach (string field in new[] { "seed", "solved", "iterations", "episodes", "env_steps", "final_mean_return", "greedy_eval_mean_return" })
            Assert.Equal(single.GetProperty(field).GetRawText(), both.GetProperty(field).GetRawText());

        var metadata = SafeTensorsFile.Read(Path.Combine(sweeps.Directory("both"), both.GetProperty("policy").GetString()!)).Metadata;
        Assert.Equal(env, metadata["env"]);
        Assert.Equal(env == "CartPole-v1" ? "475" : "-100", metadata["target-return"]);
        Assert.Equal($"{agent}", metadata["agent"]);
    }

    [Fact]
    public void Sweep_json_lists_the_environments_and_each_configurations_environment_and_target()
    {
        JsonElement report = sweeps.Report("both");
        Assert.Equal(["CartPole-v1", "Acrobot-v1"], report.GetProperty("envs").EnumerateArray().Select(e => e.GetString()));
        // The two environments' targets differ: each configuration holds its own.
        Assert.Equal(JsonValueKind.Null, report.GetProperty("target_return").ValueKind);
        Assert.StartsWith("configurations in the order env (outermost), lr", report.GetProperty("agent_order").GetString());
        JsonElement[] configurations = [.. report.GetProperty("configurations").EnumerateArray()];
        Assert.Equal(["CartPole-v1", "Acrobot-v1"], configurations.Select(c => c.GetProperty("env").GetString()));
        Assert.Equal([475.0, -100.0], configurations.Select(c => c.GetProperty("target_return").GetDouble()));
        Assert.Equal([[0, 1], [2, 3]], configurations.Select(c => c.GetProperty("agents").EnumerateArray().Select(a => a.GetInt32()).ToArray()));
        Assert.Equal(475, sweeps.Report("CartPole-v1").GetProperty("target_return").GetDouble());
        Assert.Equal(["CartPole-v1"], sweeps.Report("CartPole-v1").GetProperty("envs").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void The_summary_lines_name_each_configurations_environment_and_sweep_png_is_drawn()
    {
        string[] lines = sweeps.Both.StdoutLines;
        Assert.StartsWith("CartPole-v1, lr 0.1, gamma 0.99, reinforce: ", lines[^3]);
        Assert.StartsWith("Acrobot-v1, lr 0.1, gamma 0.99, reinforce: ", lines[^2]);
        Assert.StartsWith("sweep: ", lines[^1]);
        Assert.Contains("/4 agents solved in 2 configurations", lines[^1]);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(Path.Combine(sweeps.Directory("both"), "sweep.png"))[..4]);
        // One environment: the label as before, without it.
        Assert.Equal(0, sweeps.Alone["Acrobot-v1"].Exit);
        Assert.StartsWith("lr 0.1, gamma 0.99, reinforce: ", sweeps.Alone["Acrobot-v1"].StdoutLines[0]);
    }

    [Fact]
    public void Eval_of_an_acrobot_agents_policy_plays_acrobot()
    {
        using var temp = new TempDirectory();
        string report = temp.Combine("eval.json");

        var eval = CliRun.Of("eval", "--checkpoint", Path.Combine(sweeps.Directory("both"), "policies", "agent-002.safetensors"), "--episodes", "3", "--out", report);

        Assert.Equal(0, eval.Exit);
        Assert.StartsWith("Acrobot-v1 ", JsonDocument.Parse(File.ReadAllText(report)).RootElement.GetProperty("environment").GetString());
    }

    [Fact]
    public void Config_json_records_the_list_and_no_one_target()
    {
        var options = JsonDocument.Parse(File.ReadAllText(Path.Combine(sweeps.Directory("both"), "config.json"))).RootElement.GetProperty("options");
        Assert.Equal("CartPole-v1,Acrobot-v1", options.GetProperty("env").GetString());
        Assert.Equal(JsonValueKind.Null, options.GetProperty("target-return").ValueKind);
        var alone = JsonDocument.Parse(File.ReadAllText(Path.Combine(sweeps.Directory("Acrobot-v1"), "config.json"))).RootElement.GetProperty("options");
        Assert.Equal(-100, alone.GetProperty("target-return").GetDouble());
    }
}
