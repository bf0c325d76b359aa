using System.Globalization;
using System.Reflection;

namespace Pgvec.CommandLine;

/// <summary>
/// A comma-separated list (a sweep's grid axis) whose every item must pass the rule of a
/// single-value option declared elsewhere, so `sweep --lr 0.01,0.1` allows exactly the values
/// `train --lr` allows; each value at most once. With <see cref="Ranges"/>, an integer item
/// may be an inclusive range such as 0-31.
/// </summary>
internal sealed class ListOfAttribute(Type optionsType, string propertyName) : OptionRule
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

    public override bool Accepts(object? value) => value is string text && Parse(text).Values is not null;

    /// <summary>Waived as each item's rule is: the list's shape (no empty item, no repeat) is then checked by <see cref="Values{T}(string, bool)"/> alone.</summary>
    public override bool WaivedBy(IReadOnlyDictionary<string, string> given) => ItemRule.WaivedBy(given);

    public override string RefusalOf(object? value) => value is string text && Parse(text).Problem is { } problem ? problem : Refusal;

    /// <summary>The list's values, converted as the single-value option converts them; one must be accepted first.</summary>
    public IReadOnlyList<T> Values<T>(string text) =>
        Parse(text).Values?.Cast<T>().ToArray() ?? throw new ArgumentException($"'{text}' is not {Allowed}", nameof(text));

    /// <summary>
    /// Where the item rule is waived (<see cref="WaivedBy"/>), the items as given, each left to the
    /// verb to check; null and what breaks the list's shape (an empty item, a repeat, too many) where one does.
    /// </summary>
    public (IReadOnlyList<string>? Items, string? Problem) UncheckedItems(string text)
    {
        var (values, problem) = Parse(text, itemsChecked: false);
        return (values?.Cast<string>().ToArray(), problem);
    }

    /// <summary>The values in the order given, or null and which part of the rule the list breaks: an empty item, a value the item rule refuses, a backward or too long range, too many values, or a repeat.</summary>
    private (List<object>? Values, string? Problem) Parse(string text, bool itemsChecked = true)
    {
        var values = new List<object>();
        foreach (string item in text.Split(','))
        {
            if (item.Length == 0)
                return (null, "has an empty item");
            if (Ranges && item.Length > 1 && item.IndexOf('-', 1) is var dash and > 0)
            {
                if (!ulong.TryParse(item[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out ulong first)
                    || !ulong.TryParse(item[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out ulong last))
                    return (null, $"has the range {item}, whose ends are not both {ItemRule.Allowed}");
                if (last < first)
                    return (null, $"has the range {item}, which runs backwards");
                if (last - first >= (ulong)(MaxItems - values.Count))
                    return (null, $"has more than {MaxItems:N0} values (the range {item})");
                for (ulong v = first; ; v++)
                {
                    if (Item(v.ToString(CultureInfo.InvariantCulture)) is not { } value)
                        return (null, $"has {v} in the range {item}, which is not {ItemRule.Allowed}");
                    values.Add(value);
                    if (v == last)
                        break;
                }
            }
            else if ((itemsChecked ? Item(item) : item) is { } value)
                values.Add(value);
            else
                return (null, $"has {item}, which {ItemRefusal(item)}");
            if (values.Count > MaxItems)
                return (null, $"has more than {MaxItems:N0} values");
        }
        var seen = new HashSet<object>();
        foreach (object value in values)
        {
            if (!seen.Add(value))
                return (null, $"gives {string.Format(CultureInfo.InvariantCulture, "{0}", value)} twice");
        }
        return (values, null);
    }

    /// <summary>The item rule's own word on a value it refuses where it has one (--env's did-you-mean), else what it allows.</summary>
    private string ItemRefusal(string item) =>
        ItemRule.RefusalOf(item) is var own && own != ItemRule.Refusal ? own : $"is not {ItemRule.Allowed}";

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
