using System.Globalization;
using PolicyGradient.Checkpoints;
using Pgvec.CommandLine;

namespace Pgvec.Commands;

/// <summary>
/// The __metadata__ of every safetensors file a run writes: <see cref="FileMetadata"/>'s
/// format and version, and the run's options under their
/// command-line names with their values as the command line reads them, so `train --resume`
/// puts them back through the same parser and rules.
/// </summary>
internal static class CheckpointMetadata
{
    public const string InitFromKey = "init_from";

    /// <summary>Where the output goes and where the weights came from: not options of the run itself.</summary>
    private static readonly string[] NotStored = ["out", "resume", "init-from"];

    /// <summary>The options of <paramref name="verb"/> that <paramref name="options"/> has, with their values.</summary>
    public static Dictionary<string, string> Of(VerbSpec verb, object options)
    {
        Dictionary<string, string> metadata = FileMetadata.Start();
        foreach (OptionSpec option in Stored(verb))
        {
            if (option.Property.DeclaringType!.IsInstanceOfType(options) && option.Property.GetValue(options) is { } value)
                metadata[option.LongName] = Text(value);
        }
        return metadata;
    }

    /// <summary>The stored options as command-line tokens of <paramref name="verb"/>.</summary>
    public static string[] Arguments(VerbSpec verb, IReadOnlyDictionary<string, string> metadata) =>
        Stored(verb)
            .Where(o => metadata.ContainsKey(o.LongName))
            .Select(o => $"--{o.LongName}={metadata[o.LongName]}")
            .ToArray();

    /// <summary>Switches only change what a run prints, so they are not kept.</summary>
    public static IEnumerable<OptionSpec> Stored(VerbSpec verb) =>
        verb.Options.Where(o => !o.IsSwitch && !NotStored.Contains(o.LongName));

    /// <summary>A value as the command line reads it back exactly (doubles with round-trip precision).</summary>
    public static string Text(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };
}
