using System.Globalization;
using Pgvec.CommandLine;

namespace Pgvec.Replay;

/// <summary>The text forms of replay's --state and --actions.</summary>
public static class ReplayInput
{
    /// <summary>
    /// Four finite doubles, invariant culture: a value printed with round-trip precision (as the
    /// host replay prints states) reads back as exactly the same double.
    /// </summary>
    public static bool TryParseState(string text, out double[] state)
    {
        string[] parts = text.Split(',');
        state = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out state[i]) || !double.IsFinite(state[i]))
                return false;
        }
        return parts.Length == 4;
    }

    public static double[] ParseState(string text) =>
        TryParseState(text, out double[] state) ? state : throw new FormatException($"'{text}' is not a CartPole state");

    public static bool IsActions(string text) => text.Length > 0 && text.All(c => c is '0' or '1');

    public static int[] ParseActions(string text) =>
        IsActions(text) ? text.Select(c => c - '0').ToArray() : throw new FormatException($"'{text}' is not a string of 0s and 1s");
}

public sealed class StateVectorAttribute : OptionRule
{
    public override string Allowed => "4 comma-separated finite numbers X,XD,TH,THD (e.g. 0.01,0,-0.02,0.03)";
    public override bool Accepts(object? value) => value is string s && ReplayInput.TryParseState(s, out _);
}

public sealed class ActionSequenceAttribute : OptionRule
{
    public override string Allowed => "a non-empty string of 0s and 1s (e.g. 0110)";
    public override bool Accepts(object? value) => value is string s && ReplayInput.IsActions(s);
}
