namespace Pgvec.Replay;

/// <summary>One replay line: {"t":1,"action":0,"state":[...],"obs":[...],"reward":1,"terminated":false,"truncated":false}.</summary>
internal sealed record ReplayStep(int T, int Action, double[] State, float[] Obs, double Reward, bool Terminated, bool Truncated);
