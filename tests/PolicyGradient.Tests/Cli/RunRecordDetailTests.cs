using System.Text.Json;

namespace PolicyGradient.Tests.Cli;

/// <summary>The small things a run prints and records: quiet means quiet, versions as written, a resume's dates, plurals.</summary>
public class RunRecordDetailTests
{
    [Fact]
    public void Quiet_runs_from_given_weights_and_resumed_runs_print_nothing_on_stderr()
    {
        using var temp = new TempDirectory();
        string first = temp.Combine("first");
        Assert.Equal(0, CliRun.Of("--envs", "8", "--device", "cpu", "--max-iterations", "1", "--quiet", "--out", first).Exit);

        var initialised = CliRun.Of("--envs", "8", "--device", "cpu", "--max-iterations", "1", "--quiet", "--init-from", Path.Combine(first, "policy.safetensors"), "--out", temp.Combine("second"));
        var resumed = CliRun.Of("train", "--resume", first, "--max-iterations", "2", "--quiet");

        Assert.Equal((0, ""), (initialised.Exit, initialised.Stderr));
        Assert.Equal((0, ""), (resumed.Exit, resumed.Stderr));
    }

    [Fact]
    public void A_resumed_run_keeps_its_config_started_at_and_adds_resumed_at_and_json_writes_plus_as_plus()
    {
        using var temp = new TempDirectory();
        Assert.Equal(0, CliRun.Of("--envs", "4", "--device", "cpu", "--max-iterations", "1", "--quiet", "--out", temp.Path).Exit);
        string text = File.ReadAllText(temp.Combine("config.json"));
        JsonElement before = JsonDocument.Parse(text).RootElement;
        Assert.Equal(JsonValueKind.Null, before.GetProperty("resumed_at").ValueKind);
        Assert.Contains($"\"pgvec_version\": \"{PolicyGradient.Output.PgvecVersion.Text}\"", text);
        Thread.Sleep(1100);   // started_at has whole seconds: a resume a second later must not change it

        Assert.Equal(0, CliRun.Of("train", "--resume", temp.Path, "--max-iterations", "2", "--quiet").Exit);

        JsonElement after = JsonDocument.Parse(File.ReadAllText(temp.Combine("config.json"))).RootElement;
        Assert.Equal(before.GetProperty("started_at").GetString(), after.GetProperty("started_at").GetString());
        Assert.True(string.CompareOrdinal(after.GetProperty("resumed_at").GetString(), after.GetProperty("started_at").GetString()) > 0);
    }

    [Fact]
    public void An_out_that_cannot_be_written_is_refused_naming_the_directory_not_an_internal_probe_file()
    {
        var run = CliRun.Of("--envs", "4", "--device", "cpu", "--out", "/proc/pgvec-run");

        run.AssertUsageError("--out /proc/pgvec-run cannot be created or written", "/proc");
        Assert.DoesNotContain(".pgvec-write-test", run.Stderr);
    }

    [Fact]
    public void A_sweep_of_one_configuration_says_configuration()
    {
        using var temp = new TempDirectory();

        var run = CliRun.Of("sweep", "--seeds", "0", "--envs", "4", "--device", "cpu", "--max-iterations", "1", "--quiet", "--out", temp.Path);

        Assert.Equal(0, run.Exit);
        Assert.Contains(" in 1 configuration, ", run.StdoutLines[^1]);
    }
}
