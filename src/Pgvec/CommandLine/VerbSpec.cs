using System.Reflection;
using CommandLine;
using Pgvec.Options;

namespace Pgvec.CommandLine;

/// <summary>A verb as its options class declares it: name, help, and each option with its rule.</summary>
internal sealed class VerbSpec
{
    /// <summary>
    /// Options are listed (help, errors, config.json) most specific first, as reflection returns
    /// them: the verb's own, then what to train and on what; these, where a verb has them, come
    /// last in this order: how the run reports and where it writes, then where it starts from.
    /// </summary>
    // Before All: static fields initialise in order.
    private static readonly string[] ListedLast = ["quiet", "out", "overwrite", "eval-every", "checkpoint-every", "init-from", "resume"];

    /// <summary>An option listed right after the one it qualifies, wherever its class declares it: --env-assembly says where --env is found.</summary>
    private static readonly (string Option, string After)[] ListedAfter = [("env-assembly", "env")];

    public static readonly IReadOnlyList<VerbSpec> All =
    [
        new(typeof(TrainOptions)),
        new(typeof(BaselineOptions)),
        new(typeof(CompareOptions)),
        new(typeof(DevicesOptions)),
        new(typeof(EnvsOptions)),
        new(typeof(ReplayOptions)),
        new(typeof(BenchOptions)),
        new(typeof(SweepOptions)),
        new(typeof(SelfTestOptions)),
        new(typeof(CheckEnvOptions)),
        new(typeof(EvalOptions)),
        new(typeof(ExportOptions)),
    ];

    public static VerbSpec Default => All.Single(v => v.IsDefault);

    public static VerbSpec? Named(string name) => All.SingleOrDefault(v => v.Name == name);

    public static VerbSpec For(Type optionsType) => All.Single(v => v.OptionsType == optionsType);

    private VerbSpec(Type optionsType)
    {
        var verb = optionsType.GetCustomAttribute<VerbAttribute>(inherit: false)
                   ?? throw new InvalidOperationException($"{optionsType.Name} has no [Verb]");
        OptionsType = optionsType;
        Name = verb.Name;
        HelpText = verb.HelpText;
        IsDefault = verb.IsDefault;
        var ownHelp = optionsType.GetCustomAttributes<OptionHelpAttribute>(inherit: false).ToDictionary(h => h.LongName, h => h.HelpText);
        var options = optionsType.GetProperties()
            .Select(p => (Property: p, Option: p.GetCustomAttribute<OptionAttribute>()))
            .Where(p => p.Option is not null)
            .Select(p => new OptionSpec(p.Option!, p.Property, ownHelp.GetValueOrDefault(p.Option!.LongName)))
            .OrderBy(o => Array.IndexOf(ListedLast, o.LongName))
            .ToList();
        foreach (var (option, after) in ListedAfter)
        {
            if (options.Find(o => o.LongName == option) is { } moved && options.Exists(o => o.LongName == after))
            {
                options.Remove(moved);
                options.Insert(options.FindIndex(o => o.LongName == after) + 1, moved);
            }
        }
        Options = options;
    }

    public Type OptionsType { get; }
    public string Name { get; }
    public string HelpText { get; }
    public bool IsDefault { get; }
    public IReadOnlyList<OptionSpec> Options { get; }

    public OptionSpec? Option(string longName) => Options.SingleOrDefault(o => o.LongName == longName);
}

/// <summary>One --option of a verb.</summary>
internal sealed class OptionSpec
{
    /// <param name="verbHelp">The verb's own help for an option it shares (<see cref="OptionHelpAttribute"/>); null: the option's.</param>
    public OptionSpec(OptionAttribute option, PropertyInfo property, string? verbHelp = null)
    {
        LongName = option.LongName;
        Property = property;
        Required = option.Required;
        HelpText = verbHelp ?? option.HelpText;
        Default = option.Default;
        IsSwitch = property.PropertyType == typeof(bool);
        Rule = property.GetCustomAttribute<OptionRule>()
               ?? (IsSwitch ? new SwitchRule() : throw new InvalidOperationException(
                   $"--{LongName} of {property.DeclaringType!.Name} declares no rule for its values"));
        Placeholder = string.IsNullOrEmpty(option.MetaValue) ? Rule.Placeholder : option.MetaValue;
    }

    public string LongName { get; }
    public PropertyInfo Property { get; }
    public bool Required { get; }
    public string HelpText { get; }
    public object? Default { get; }
    /// <summary>What the value looks like in help: "--envs N", "--out DIR".</summary>
    public string Placeholder { get; }
    /// <summary>A bool option is present or absent; it takes no value.</summary>
    public bool IsSwitch { get; }
    public OptionRule Rule { get; }
}
