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

    /// <summary>--state with the environment's count of values, else the one-line usage error saying that count.</summary>
    public static double[] StateFor(EnvironmentDefinition environment, string text)
    {
        double[] state = ParseState(text);
        if (state.Length != environment.StateNames.Count)
            throw new UsageException($"--state {text} has {state.Length} number{(state.Length == 1 ? "" : "s")}: {environment.Id}'s state is {StateText(environment)}");
        return state;
    }

    /// <summary>
    /// --actions as the environment takes them, else the one-line usage error naming the first
    /// action that is not one: a digit per step below its action count (a discrete environment),
    /// or a comma-separated number per step (a 1-dimensional Box), each rounded to float32 as
    /// Gymnasium's Box holds it; a number outside the Box is kept, and the environment clips it.
    /// </summary>
    public static StepActions ActionsFor(EnvironmentDefinition environment, string text) => environment.Device.ActionSpace switch
    {
        BoxActions box => new StepActions(null, BoxActionsFor(environment.Id, box, text)),
        _ => new StepActions(DiscreteActionsFor(environment, text), null),
    };

    private static int[] DiscreteActionsFor(EnvironmentDefinition environment, string text)
    {
        int count = environment.Device.Actions;
        if (!text.All(char.IsAsciiDigit))
            throw new UsageException($"--actions {text} is not valid: {environment.Id} takes a non-empty string of action digits, one per step, 0 to {count - 1} (e.g. 0110)");
        int[] actions = [.. text.Select(c => c - '0')];
        int bad = Array.FindIndex(actions, a => a >= count);
        if (bad >= 0)
            throw new UsageException($"--actions {text} has action {actions[bad]} (step {bad + 1}): {environment.Id}'s actions are 0 to {count - 1}");
        return actions;
    }

    private static float[][] BoxActionsFor(string id, BoxActions box, string text)
    {
        string[] items = text.Split(',');
        var actions = new float[items.Length][];
        string allowed = $"{id} takes one number per step, comma-separated (e.g. 0.5,-2,1.25); one outside its Box {box.BoundsText} is clipped to it";
        for (int i = 0; i < items.Length; i++)
        {
            if (!double.TryParse(items[i], NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                throw new UsageException($"--actions {text}: '{items[i]}' (step {i + 1}) is not a number: {allowed}");
            float action = (float)value;
            if (!float.IsFinite(action))
                throw new UsageException($"--actions {text}: '{items[i]}' (step {i + 1}) is not a finite float32 number: {allowed}");
            actions[i] = [action];
        }
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

/// <summary>What the actions are depends on --env, so <see cref="ReplayInput.ActionsFor"/> checks them.</summary>
internal sealed class ActionSequenceAttribute : OptionRule
{
    public override string Allowed => "action digits (e.g. 0110), each below --env's action count, for a discrete --env; comma-separated numbers (e.g. 0.5,-2), one per step, for a continuous one";
    public override bool Accepts(object? value) => value is string { Length: > 0 };
}
