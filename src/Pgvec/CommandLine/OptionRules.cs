using System.Globalization;

namespace Pgvec.CommandLine;

/// <summary>
/// What an option allows, declared beside the option itself. The same text serves the help,
/// the error for a value outside the rule and the error for a value that does not even parse.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal abstract class OptionRule : Attribute
{
    /// <summary>Completes "must be ...", e.g. "an integer from 1 to 1024".</summary>
    public abstract string Allowed { get; }

    /// <summary>How a parsed value this rule refuses is described.</summary>
    public virtual string Refusal => "is not valid";

    /// <summary>How this value, which the rule refuses, is described: which part of the rule it breaks, where a rule has parts.</summary>
    public virtual string RefusalOf(object? value) => Refusal;

    public abstract bool Accepts(object? value);

    /// <summary>
    /// Whether another option given beside this one (by long name in <paramref name="given"/>)
    /// lets any value through to the verb's own check: --env-assembly makes --env a name in that
    /// assembly, which only loading it can check.
    /// </summary>
    public virtual bool WaivedBy(IReadOnlyDictionary<string, string> given) => false;

    /// <summary>The value's placeholder in help unless the option names its own (MetaValue).</summary>
    public virtual string Placeholder => "VALUE";

    protected static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}

internal sealed class IntegerRangeAttribute(int min, int max) : OptionRule
{
    public override string Allowed => $"an integer from {min} to {max}";
    public override string Refusal => "is out of range";
    public override string Placeholder => "N";
    public override bool Accepts(object? value) => value is int v && v >= min && v <= max;
}

internal sealed class LongRangeAttribute(long min, long max) : OptionRule
{
    public override string Allowed => $"an integer from {min} to {max}";
    public override string Refusal => "is out of range";
    public override string Placeholder => "N";
    public override bool Accepts(object? value) => value is long v && v >= min && v <= max;
}

/// <summary>Any 64-bit unsigned integer: the option's type already enforces it.</summary>
internal sealed class UnsignedIntegerAttribute : OptionRule
{
    public override string Allowed => $"an integer from 0 to {ulong.MaxValue}";
    public override string Placeholder => "N";
    public override bool Accepts(object? value) => value is ulong;
}

/// <summary>A finite number, optionally strictly above a bound (learning rates, time budgets).</summary>
internal sealed class FiniteNumberAttribute : OptionRule
{
    public double GreaterThan { get; init; } = double.NegativeInfinity;

    public override string Allowed => double.IsNegativeInfinity(GreaterThan)
        ? "a finite number"
        : $"a finite number greater than {Number(GreaterThan)}";

    public override string Refusal => "is out of range";
    public override string Placeholder => "X";
    public override bool Accepts(object? value) => value is double v && double.IsFinite(v) && v > GreaterThan;
}

/// <summary>A number in a closed interval.</summary>
internal sealed class NumberRangeAttribute(double min, double max) : OptionRule
{
    public override string Allowed => $"a number from {Number(min)} to {Number(max)}";
    public override string Refusal => "is out of range";
    public override string Placeholder => "X";
    public override bool Accepts(object? value) => value is double v && v >= min && v <= max;
}

/// <summary>The lower-case name of one of an enum's values (see <see cref="EnumNames"/>).</summary>
internal sealed class OneOfAttribute(Type enumType) : OptionRule
{
    public IReadOnlyList<string> Names { get; } = EnumNames.Of(enumType);
    public override string Allowed => $"one of {string.Join(", ", Names)}";
    public override string Placeholder => string.Join('|', Names);
    public override bool Accepts(object? value) => value is string s && Names.Contains(s);
}

/// <summary>A built-in environment's Gymnasium id; with --env-assembly, any name, which the verb looks up in that assembly.</summary>
internal sealed class EnvironmentIdAttribute : OptionRule
{
    public override bool WaivedBy(IReadOnlyDictionary<string, string> given) => given.ContainsKey(Pgvec.Commands.EnvironmentChoice.AssemblyOption);

    public override string Allowed => $"one of {string.Join(", ", PolicyGradient.Environment.Environments.Ids)}";
    public override string Placeholder => "ID";
    public override bool Accepts(object? value) => value is string s && PolicyGradient.Environment.Environments.Find(s) is not null;

    /// <summary>A near miss names the id meant (acrobot: Acrobot-v1, pendulum: Pendulum-v1).</summary>
    public override string RefusalOf(object? value) =>
        value is string name && PolicyGradient.Environment.ReferenceEnvironments.ClosestId(name) is { } closest
            ? $"is not valid (did you mean {closest}?)"
            : Refusal;
}

internal sealed class NonEmptyAttribute(string what) : OptionRule
{
    public override string Allowed => what;
    public override bool Accepts(object? value) => value is string { Length: > 0 };
}

/// <summary>A bool option: present or absent, never given a value; implied, not declared.</summary>
internal sealed class SwitchRule : OptionRule
{
    public override string Allowed => "given without a value";
    public override bool Accepts(object? value) => value is bool;
}

/// <summary>A comma-separated list of integers within a range, e.g. "1,64,4096".</summary>
internal sealed class IntegerListAttribute(int min, int max) : OptionRule
{
    public override string Allowed => $"comma-separated integers from {min} to {max}";
    public override string Placeholder => "N,N,...";

    public override bool Accepts(object? value) => value is string s && Parse(s, min, max) is not null;

    /// <summary>The integers, or null if any item is not an integer in range.</summary>
    public static int[]? Parse(string text, int min, int max)
    {
        var items = text.Split(',');
        var values = new int[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            if (!int.TryParse(items[i], NumberStyles.None, CultureInfo.InvariantCulture, out values[i]) || values[i] < min || values[i] > max)
                return null;
        }
        return values;
    }
}
