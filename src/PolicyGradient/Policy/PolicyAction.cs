using PolicyGradient.Environment;
using PolicyGradient.Kernels;

namespace PolicyGradient.Policy;

/// <summary>
/// One action the host chose with a policy: a discrete one, or a Box one (a Gaussian policy's
/// draw or mean, unclipped: the environment clips it, as Gymnasium's does).
/// </summary>
internal readonly record struct PolicyAction(int Discrete, float[]? Box)
{
    /// <summary>Steps <paramref name="env"/> with this action.</summary>
    public StepResult StepOn(IReferenceEnvironment env) => Box is { } box ? env.Step(box) : env.Step(Discrete);

    /// <summary>
    /// Step <paramref name="t"/>'s action for <paramref name="observation"/>, as the device picks it: greedy takes the
    /// most probable action or the mean; sample draws from the episode's stream <paramref name="key"/> after the
    /// reset's <paramref name="resetDraws"/> draws (<see cref="ActionChoices.Sample"/>, <see cref="GaussianPolicy.Sample"/>).
    /// </summary>
    /// <param name="outputs">Scratch of the network's output width; a categorical sample leaves the log-probabilities in it.</param>
    public static PolicyAction Choose(IPolicyNetwork policy, ReadOnlySpan<float> observation, ulong key, int t, int resetDraws, ActionChoice choice, Span<double> outputs)
    {
        policy.Logits(observation, outputs);
        if (policy.Head == PolicyHead.Gaussian)
            return new PolicyAction(0, choice == ActionChoice.Greedy ? Mean(outputs) : SampleGaussian(policy, outputs, key, t, resetDraws));
        if (choice == ActionChoice.Greedy)
            return new PolicyAction(ActionChoices.Greedy(outputs), null);
        PolicyMath.LogSoftmax(outputs, outputs);
        return new PolicyAction(ActionChoices.Sample(outputs, key, t, resetDraws), null);
    }

    private static float[] Mean(ReadOnlySpan<double> means)
    {
        var action = new float[means.Length];
        for (int k = 0; k < action.Length; k++)
            action[k] = (float)means[k];
        return action;
    }

    /// <summary>mean + exp(log_std) z in float32, z from the draws the device uses for step t (<see cref="GaussianPolicy.Sample"/>).</summary>
    private static float[] SampleGaussian(IPolicyNetwork policy, ReadOnlySpan<double> means, ulong key, int t, int resetDraws)
    {
        Span<double> logStd = stackalloc double[means.Length];
        policy.LogStd(logStd);
        var action = new float[means.Length];
        ulong first = (ulong)resetDraws + (ulong)t * (ulong)GaussianPolicy.DrawsPerAction(means.Length);
        for (int k = 0; k < action.Length; k++)
            action[k] = (float)means[k] + MathF.Exp((float)logStd[k]) * CounterRandom.NormalFloat(key, first + (ulong)(2 * k));
        return action;
    }
}
