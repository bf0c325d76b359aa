using System.Globalization;

namespace Pgvec.Commands;

/// <summary>"1 iteration", "2 iterations": a count with its noun in the right number.</summary>
internal static class Plural
{
    public static string Of(long count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {noun}{(count == 1 ? "" : "s")}");
}
