using System.Globalization;
using System.Reflection;

namespace Pgvec.CommandLine;

/// <summary>
/// A comma-separated list (a sweep's grid axis) whose every item must pass the rule of a
/// single-value option declared elsewhere, so `sweep --lr 0.01,0.1` allows exactly the values
/// `train --lr` allows; each value at most once. With <see cref="Ranges"/>, an integer item
/// may be an inclusive range such as 0-31.
/// </summary>
public sealed class ListOfAttribute(Type optionsType, string propertyName) : OptionRule
{
    /// <summary>Bounds the grid before a range such as 0-18446744073709551615 is expanded.</summary>
    public const int MaxItems = 65_536;

    private readonly PropertyInfo _item = optionsType.GetProperty(propertyName)
        ?? throw new ArgumentException($"{optionsType.Name} has no property {propertyName}", nameof(propertyName));

    public bool Ranges { get; init; }

    private OptionRule ItemRule => _item.GetCustomAttribute<OptionRule>()
        ?? throw new InvalidOperationException($"{_item.DeclaringType!.Name}.{_item.Name} declares no rule");

    public override string Allowed =>
        $"a comma-separated list of {(Ranges ? "values or ranges such as 0-31" : "values")}, each {ItemRule.Allowed}; no value twice, at most {MaxItems}";

    public override string Placeholder => Ranges ? $"{ItemRule.Placeholder}|{ItemRule.Placeholder}-{ItemRule.Placeholder},..." : $"{ItemRule.Placeholder},...";

    public override bool Accepts(object? value) => value is string text && Parse(text) is not null;

    /// <summary>The list's values, converted as the single-value option converts them; one must be accepted first.</summary>
    public IReadOnlyList<T> Values<T>(string text) =>
        Parse(text)?.Cast<T>().ToArray() ?? throw new ArgumentException($"'{text}' is not {Allowed}", nameof(text));

    /// <summary>The values in the order given, or null for an empty item, a value the item rule refuses, or a repeat.</summary>
    private List<object>? Parse(string text)
    {
        var values = new List<object>();
        foreach (string item in text.Split(','))
        {
            if (values.Count >= MaxItems)
                return null;
            if (Ranges && item.Length > 1 && item.IndexOf('-', 1) is var dash and > 0)
            {
                if (!ulong.TryParse(item[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out ulong first)
                    || !ulong.TryParse(item[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out ulong last)
                    || last < first || last - first >= (ulong)(MaxItems - values.Count))
                    return null;
                for (ulong v = first; ; v++)
                {
                    if (Item(v.ToString(CultureInfo.InvariantCulture)) is not { } value)
                        return null;
                    values.Add(value);
                    if (v == last)
                        break;
                }
            }
            else if (Item(item) is { } value)
                values.Add(value);
            else
                return null;
        }
        return values.Count <= MaxItems && values.Distinct().Count() == values.Count ? values : null;
    }

    /// <summary>One item converted to the single-value option's type and checked by its rule, or null.</summary>
    private object? Item(string text)
    {
        // An option whose default depends on the verb (--lr) is nullable; its items are its values.
        object? value = (Nullable.GetUnderlyingType(_item.PropertyType) ?? _item.PropertyType) switch
        {
            var t when t == typeof(ulong) => ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong u) ? u : null,
            var t when t == typeof(int) => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int i) ? i : null,
            var t when t == typeof(double) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : null,
            var t when t == typeof(string) => text,
            var t => throw new InvalidOperationException($"no list of {t.Name}"),
        };
        return value is not null && ItemRule.Accepts(value) ? value : null;
    }
}
