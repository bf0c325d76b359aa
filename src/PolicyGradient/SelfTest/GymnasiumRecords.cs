using System.Globalization;
using System.Text.Json;
using PolicyGradient.Environment;

namespace PolicyGradient.SelfTest;

/// <summary>
/// One recorded Gymnasium step: the float64 state before it, the action, and what Gymnasium
/// recorded after it (float64 state, float32 observation, reward, terminated).
/// </summary>
/// <param name="Where">The episode and step, for messages.</param>
/// <param name="Reward">Null where the record's reward is not the environment's own (CartPole's
/// sutton_barto_reward trajectories and the steps after termination), so a device, which has
/// neither, is not held to it.</param>
/// <param name="Action">The discrete action, or the float32 Box action as Gymnasium's Box holds it.</param>
internal sealed record ReferenceTransition(string Where, double[] Before, ReferenceAction Action, double[] After, float[] Observation, double? Reward, bool Terminated);

/// <summary>A recorded action: an int for a Discrete space, float32 values for a Box.</summary>
internal sealed record ReferenceAction(int Discrete, float[]? Box)
{
    /// <summary>The actions of <paramref name="transitions"/> as one batch for a device step.</summary>
    public static StepActions Batch(IReadOnlyList<ReferenceTransition> transitions) => transitions.Count > 0 && transitions[0].Action.Box is not null
        ? new StepActions(null, [.. transitions.Select(t => t.Action.Box!)])
        : new StepActions([.. transitions.Select(t => t.Action.Discrete)], null);
}

/// <summary>
/// Reads the Gymnasium reference files (tests/data): the gymref-1 files of tests/data/gymnasium
/// (exact values from their *_bits, see tests/data/gymnasium/SEMANTICS.md) and the older
/// CartPole file gymnasium_cartpole_v1_reference.json (round-trip decimals).
/// </summary>
internal static class GymnasiumRecords
{
    /// <summary>
    /// Python's json writes an unbounded Box limit as a bare Infinity, which is not JSON; quoted, it
    /// reads as a string (its exact value is in the *_bits beside it).
    /// </summary>
    public static JsonDocument ParsePythonJson(string text) =>
        JsonDocument.Parse(System.Text.RegularExpressions.Regex.Replace(text, @"(?<=[\[,:]\s*)(-?Infinity|NaN)(?=\s*[,\]])", "\"$1\""));

    /// <summary>Every recorded step of a reference document, from the state before it, in episode order.</summary>
    public static IEnumerable<ReferenceTransition> Transitions(JsonElement document) =>
        document.TryGetProperty("episodes", out JsonElement episodes) ? GymRefTransitions(episodes) : CartPoleReferenceTransitions(document);

    private static IEnumerable<ReferenceTransition> GymRefTransitions(JsonElement episodes)
    {
        foreach (JsonElement episode in episodes.EnumerateArray())
        {
            string name = $"seed {episode.GetProperty("seed").GetInt32()} ({episode.GetProperty("policy").GetString()})";
            double[] before = StateValues(episode.GetProperty("reset"));
            foreach (JsonElement step in episode.GetProperty("steps").EnumerateArray())
            {
                double[] after = StateValues(step);
                yield return new ReferenceTransition($"{name} step {step.GetProperty("t").GetInt32()}", before, Action(step), after,
                    Observation(step), step.GetProperty("reward").GetDouble(), step.GetProperty("terminated").GetBoolean());
                before = after;
            }
        }
    }

    private static IEnumerable<ReferenceTransition> CartPoleReferenceTransitions(JsonElement document)
    {
        foreach (JsonElement trajectory in document.GetProperty("trajectories").EnumerateArray())
        {
            bool ownReward = !trajectory.GetProperty("sutton_barto_reward").GetBoolean();
            double[] before = Doubles(trajectory.GetProperty("initial_state"));
            foreach (JsonElement step in trajectory.GetProperty("steps").EnumerateArray())
            {
                double[] after = Doubles(step.GetProperty("state"));
                bool afterTermination = step.GetProperty("steps_beyond_terminated").ValueKind != JsonValueKind.Null;
                yield return new ReferenceTransition($"trajectory {trajectory.GetProperty("id").GetInt32()} step {step.GetProperty("t").GetInt32()}", before,
                    new ReferenceAction(step.GetProperty("action").GetInt32(), null), after, [.. Doubles(step.GetProperty("obs")).Select(v => (float)v)],
                    ownReward && !afterTermination ? step.GetProperty("reward").GetDouble() : null, step.GetProperty("terminated").GetBoolean());
                before = after;
            }
        }
    }

    /// <summary>A gymref-1 step's action: an int, or a Box action's float32 values from its action_bits.</summary>
    public static ReferenceAction Action(JsonElement step) => step.GetProperty("action").ValueKind == JsonValueKind.Array
        ? new ReferenceAction(0, [.. step.GetProperty("action_bits").EnumerateArray().Select(b => BitConverter.UInt32BitsToSingle((uint)Hex(b)))])
        : new ReferenceAction(step.GetProperty("action").GetInt32(), null);

    /// <summary>env.unwrapped.state of a gymref-1 record, each value exact: float32 or float64 bits, or a Python int.</summary>
    public static double[] StateValues(JsonElement record)
    {
        JsonElement[] values = record.GetProperty("state").EnumerateArray().ToArray();
        JsonElement[] bits = record.GetProperty("state_bits").EnumerateArray().ToArray();
        return values.Select((v, i) => bits[i].ValueKind == JsonValueKind.Null ? v.GetInt32() : Exact(bits[i])).ToArray();
    }

    /// <summary>The float32 values of a gymref-1 record's obs_bits.</summary>
    public static float[] Observation(JsonElement record) =>
        record.GetProperty("obs_bits").EnumerateArray().Select(b => BitConverter.UInt32BitsToSingle((uint)Hex(b))).ToArray();

    /// <summary>A value from its bits: 8 hex digits are a float32 (widened exactly), 16 a float64.</summary>
    public static double Exact(JsonElement bits)
    {
        string hex = bits.GetString()!;
        return hex.Length == 8 ? BitConverter.UInt32BitsToSingle((uint)Hex(bits)) : BitConverter.UInt64BitsToDouble(Hex(bits));
    }

    public static ulong Hex(JsonElement bits) => ulong.Parse(bits.GetString()!, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static double[] Doubles(JsonElement array) => EmbeddedReferences.Doubles(array);
}
