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
            Assert.Contains(option.Required ? "Required." : "(Default: ", line);
        }
    }

    [Fact]
    public void Top_level_help_lists_every_verb_and_the_default_verbs_options()
    {
        var run = CliRun.Of("--help");

        Assert.Equal(0, run.Exit);
        Assert.All(VerbSpec.All, v => Assert.Contains(run.StdoutLines, l => l.StartsWith(v.Name + " ")));
        Assert.All(VerbSpec.Default.Options, o => Assert.Contains(run.StdoutLines, l => l.StartsWith($"--{o.LongName} ") && l.Contains("(Default: ")));
    }

    [Fact]
    public void Help_verb_prints_the_same_page_as_verb_help()
    {
        Assert.Equal(CliRun.Of("compare", "--help"), CliRun.Of("help", "compare"));
    }
}
