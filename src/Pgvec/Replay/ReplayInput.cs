using System.Globalization;
using Pgvec.CommandLine;
using PolicyGradient.Environment;

namespace Pgvec.Replay;

/// <summary>The text forms of replay's --state and --actions, and their checks against --env.</summary>
internal static class ReplayInput
{
    /// <summary>
    /// Finite doubles, invariant culture: a value printed with round-trip precision (as the
    /// host replay prints states) reads back as exactly the same double. How many, --env decides.
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
        return true;
    }

    public static double[] ParseState(string text) =>
        TryParseState(text, out double[] state) ? state : throw new FormatException($"'{text}' is not a list of finite numbers");

    public static bool IsActions(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);

    public static int[] ParseActions(string text) =>
        IsActions(text) ? text.Select(c => c - '0').ToArray() : throw new FormatException($"'{text}' is not a string of digits");

    /// <summary>--state with the environment's count of values, else the one-line usage error saying that count.</summary>
    public static double[] StateFor(EnvironmentDefinition environment, string text)
    {
        double[] state = ParseState(text);
        if (state.Length != environment.StateNames.Count)
            throw new UsageException($"--state {text} has {state.Length} number{(state.Length == 1 ? "" : "s")}: {environment.Id}'s state is {StateText(environment)}");
        return state;
    }

    /// <summary>--actions with every action in the environment's action space, else the one-line usage error naming the first that is not.</summary>
    public static int[] ActionsFor(EnvironmentDefinition environment, string text)
    {
        int[] actions = ParseActions(text);
        int count = environment.Device.Actions;
        int bad = Array.FindIndex(actions, a => a >= count);
        if (bad >= 0)
            throw new UsageException($"--actions {text} has action {actions[bad]} (step {bad + 1}): {environment.Id}'s actions are 0 to {count - 1}");
        return actions;
    }

    /// <summary>"4 comma-separated finite numbers x,x_dot,theta,theta_dot".</summary>
    public static string StateText(EnvironmentDefinition environment) =>
        $"{environment.StateNames.Count} comma-separated finite numbers {string.Join(",", environment.StateNames)}";
}

/// <summary>The count is the environment's (<see cref="ReplayInput.StateFor"/>); the rule checks the numbers.</summary>
internal sealed class StateVectorAttribute : OptionRule
{
    public override string Allowed => "comma-separated finite numbers, as many as --env's state has (CartPole-v1: x,x_dot,theta,theta_dot, e.g. 0.01,0,-0.02,0.03)";
    public override bool Accepts(object? value) => value is string s && ReplayInput.TryParseState(s, out _);
}

/// <summary>Each digit must also be one of --env's actions (<see cref="ReplayInput.ActionsFor"/>).</summary>
internal sealed class ActionSequenceAttribute : OptionRule
{
    public override string Allowed => "a non-empty string of action digits (e.g. 0110), each below --env's action count";
    public override bool Accepts(object? value) => value is string s && ReplayInput.IsActions(s);
}
