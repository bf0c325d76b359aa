using Pgvec.CommandLine;

namespace PolicyGradient.Tests.Cli;

public class HelpTests
{
    public static TheoryData<string> Verbs => new(VerbSpec.All.Select(v => v.Name));

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Verb_help_lists_every_option_with_its_default_and_exits_0(string verb)
    {
        var run = CliRun.Of(verb, "--help");

        Assert.Equal(0, run.Exit);
        Assert.Equal("", run.Stderr);
        foreach (OptionSpec option in VerbSpec.Named(verb)!.Options)
        {
            string line = Assert.Single(run.StdoutLines, l => l.StartsWith($"--{option.LongName} "));
            // A switch's default is being off; every other option says its default or that it is required.
            if (!option.IsSwitch)
                Assert.Contains(option.Required ? "Required." : "(Default", line);
        }
    }

    [Fact]
    public void Top_level_help_lists_every_verb_and_the_default_verbs_options()
    {
        var run = CliRun.Of("--help");

        Assert.Equal(0, run.Exit);
        Assert.All(VerbSpec.All, v => Assert.Contains(run.StdoutLines, l => l.StartsWith(v.Name + " ")));
        Assert.All(VerbSpec.Default.Options, o => Assert.Contains(run.StdoutLines, l => l.StartsWith($"--{o.LongName}") && (o.IsSwitch || l.Contains("(Default"))));
    }

    [Fact]
    public void Dash_h_is_help_and_version_prints_the_one_version_string_every_file_records()
    {
        Assert.Equal(CliRun.Of("train", "--help"), CliRun.Of("train", "-h"));
        Assert.Equal(CliRun.Of("--help"), CliRun.Of("-h"));

        var version = CliRun.Of("--version");

        Assert.Equal(0, version.Exit);
        Assert.Equal($"pgvec {PolicyGradient.Output.PgvecVersion.Text}", Assert.Single(version.StdoutLines));
        Assert.Matches(@"^\d+\.\d+\.\d+", PolicyGradient.Output.PgvecVersion.Text);
    }

    [Fact]
    public void Help_shows_placeholders_and_lists_what_to_train_first_and_outputs_and_resume_last()
    {
        string[] lines = CliRun.Of("train", "--help").StdoutLines;

        Assert.Contains(lines, l => l.StartsWith("--envs N "));
        Assert.Contains(lines, l => l.StartsWith("--out DIR "));
        Assert.Contains(lines, l => l.StartsWith("--device auto|cuda|opencl|cpu "));
        Assert.Contains(lines, l => l.StartsWith("--quiet ") && !l.Contains("(Default: "));
        string[] order = [.. lines.Where(l => l.StartsWith("--")).Select(l => l.Split(' ')[0])];
        Assert.Equal("--envs", order[0]);
        Assert.Equal(["--quiet", "--out", "--overwrite", "--checkpoint-every", "--init-from", "--resume"], order[^6..]);
        Assert.Contains(CliRun.Of("eval", "--help").StdoutLines, l => l.StartsWith("--greedy ") && l.Contains("(Default)"));
    }

    [Fact]
    public void Help_verb_prints_the_same_page_as_verb_help()
    {
        Assert.Equal(CliRun.Of("compare", "--help"), CliRun.Of("help", "compare"));
    }
}
