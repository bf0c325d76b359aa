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
        Assert.Equal(["--quiet", "--out", "--overwrite", "--eval-every", "--checkpoint-every", "--init-from", "--resume"], order[^7..]);
        Assert.Contains(CliRun.Of("eval", "--help").StdoutLines, l => l.StartsWith("--greedy ") && l.Contains("(Default)"));
    }

    [Fact]
    public void Help_verb_prints_the_same_page_as_verb_help()
    {
        Assert.Equal(CliRun.Of("compare", "--help"), CliRun.Of("help", "compare"));
    }

    public static TheoryData<string[]> TrainingVerbs => new()
    {
        { ["train", "--envs", "4", "--device", "cpu", "--max-iterations", "2", "--eval-every", "1"] },
        { ["baseline", "--max-episodes", "3"] },
        { ["compare", "--envs", "4", "--device", "cpu", "--max-iterations", "2", "--max-episodes", "3"] },
        { ["sweep", "--seeds", "0-1", "--envs", "4", "--device", "cpu", "--max-iterations", "2"] },
    };

    [Theory]
    [MemberData(nameof(TrainingVerbs))]
    public void Every_file_a_verbs_help_names_is_one_that_verb_writes(string[] args)
    {
        using var temp = new TempDirectory();
        string help = string.Join(" ", CliRun.Of(args[0], "--help").StdoutLines);
        string[] named = [.. System.Text.RegularExpressions.Regex.Matches(help, @"(?<![\w/.-])(?:[\w-]+/)*[\w*-]+(?:\.[\w*]+)*\.(?:json|csv|png|safetensors|tfevents\.\*)")
            .Select(m => m.Value).Distinct()];
        Assert.NotEmpty(named);

        Assert.Equal(0, CliRun.Of([.. args, "--quiet", "--out", temp.Path]).Exit);

        foreach (string name in named)
        {
            string folder = temp.Combine(Path.GetDirectoryName(name)!);
            string pattern = Path.GetFileName(name).Replace("NNN", "???");
            Assert.True(Directory.Exists(folder) && Directory.GetFiles(folder, pattern).Length > 0, $"{args[0]} --help names {name}, which {args[0]} did not write");
        }
    }

    [Theory]
    [InlineData("train", "(Default: the environment's: CartPole-v1 0.1, Acrobot-v1 0.05,")]
    [InlineData("baseline", "(Default: 0.01, the tutorial's)")]
    [InlineData("compare", "0.01 for the baseline, train's for the batched run: CartPole-v1 0.1,")]
    [InlineData("sweep", "(Default: 0.1)")]
    public void Each_verbs_lr_help_gives_that_verbs_default(string verb, string expected)
    {
        string[] lines = CliRun.Of(verb, "--help").StdoutLines;
        int at = Array.FindIndex(lines, l => l.StartsWith("--lr "));
        Assert.Contains(expected, string.Join(" ", lines.Skip(at).Take(1).Concat(lines.Skip(at + 1).TakeWhile(l => !l.StartsWith("--")))));
        Assert.Equal(verb == "sweep" ? "0.1" : null, VerbSpec.Named(verb)!.Option("lr")!.Default as string);
    }

    /// <summary>The help of an option whose default is the environment's gives every environment's own, as <see cref="PolicyGradient.Environment.Environments"/> holds it.</summary>
    [Theory]
    [InlineData("train", "envs")]
    [InlineData("train", "lr")]
    [InlineData("train", "target-return")]
    [InlineData("compare", "lr")]
    [InlineData("sweep", "target-return")]
    [InlineData("bench", "solve-envs")]
    public void Help_of_an_environments_default_names_each_environments_value(string verb, string option)
    {
        string help = HelpOf(verb, option);
        foreach (var environment in PolicyGradient.Environment.Environments.All)
        {
            object value = option switch
            {
                "lr" => environment.Defaults.LearningRate,
                "target-return" => environment.DefaultTargetReturn!.Value,
                _ => environment.Defaults.Envs,
            };
            Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0} {1}", environment.Id, value), help);
        }
    }

    [Theory]
    [InlineData("train")]
    [InlineData("baseline")]
    [InlineData("compare")]
    [InlineData("replay")]
    [InlineData("bench")]
    public void Env_help_names_every_environment(string verb)
    {
        string help = HelpOf(verb, "env");
        Assert.All(PolicyGradient.Environment.Environments.Ids, id => Assert.Contains(id, help));
    }

    /// <summary>An option's help text, its wrapped lines joined.</summary>
    private static string HelpOf(string verb, string option)
    {
        string[] lines = CliRun.Of(verb, "--help").StdoutLines;
        int at = Array.FindIndex(lines, l => l.StartsWith($"--{option} "));
        return string.Join(" ", lines.Skip(at).Take(1).Concat(lines.Skip(at + 1).TakeWhile(l => !l.StartsWith("--"))));
    }

    [Fact]
    public void No_help_shows_a_placeholder_that_says_nothing()
    {
        Assert.All(VerbSpec.All, v => Assert.DoesNotContain(CliRun.Of(v.Name, "--help").StdoutLines, l => l.Contains(" VALUE ")));
    }

    [Fact]
    public void The_README_states_the_sweep_defaults_that_sweep_help_shows()
    {
        string readme = File.ReadAllText(Path.Combine(ReferenceData.RepositoryRoot, "README.md"));
        string sweeps = readme[readme.IndexOf("## Sweeps", StringComparison.Ordinal)..readme.IndexOf("### On a cluster", StringComparison.Ordinal)];
        var stated = System.Text.RegularExpressions.Regex.Matches(sweeps, @"`--([\w-]+)`[^(]{0,20}\((?:[^)]*?; )?default `?([^`),;]+)`?");
        Assert.True(stated.Count >= 5, $"only {stated.Count} defaults found");

        foreach (System.Text.RegularExpressions.Match m in stated)
        {
            OptionSpec option = VerbSpec.Named("sweep")!.Option(m.Groups[1].Value)!;
            Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0}", option.Default), m.Groups[2].Value);
        }
    }
}
