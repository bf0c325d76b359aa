namespace PolicyGradient.Environment;

/// <summary>One step's outcome, as Gymnasium's step() returns it (less the info dict).</summary>
internal readonly record struct StepResult(float[] Observation, double Reward, bool Terminated, bool Truncated);
