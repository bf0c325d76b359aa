using System.Text.Json.Serialization;

namespace Pgvec.Replay;

/// <summary>
/// One replay line: {"t":1,"action":0,"state":[...],"obs":[...],"reward":1,"terminated":false,"truncated":false}.
/// A Box action is its float32 values ([0.5]); one outside the Box adds what the environment applied
/// after clipping it, "clipped_action":[2].
/// </summary>
/// <param name="Action">The discrete action (an int) or the Box action as given (float32 values).</param>
internal sealed record ReplayStep(int T, object Action, double[] State, float[] Obs, double Reward, bool Terminated, bool Truncated,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] float[]? ClippedAction = null);
