using PolicyGradient.Kernels;

namespace PolicyGradient.Environment;

/// <summary>
/// The mean return of a uniformly random policy on an environment's float64 reference: the
/// floor a trained policy must beat. Episode e resets from stream (seed, Stream, e) and draws its
/// actions from (seed, Stream + 1, e), so a seed always gives the same number.
/// </summary>
internal static class RandomPolicyReturn
{
    private const ulong Stream = 0x52414e44; // "RAND": apart from the trainers' streams

    public static double Mean(EnvironmentDefinition environment, int episodes, ulong seed)
    {
        IReferenceEnvironment env = environment.CreateReference();
        int actions = environment.Device.Actions;
        double total = 0.0;
        for (int e = 0; e < episodes; e++)
        {
            env.Reset(CounterRandom.StreamKey(seed, Stream, (ulong)e));
            ulong actionKey = CounterRandom.StreamKey(seed, Stream + 1, (ulong)e);
            for (ulong t = 0; ; t++)
            {
                int action = Math.Min((int)(CounterRandom.UniformDouble(actionKey, t) * actions), actions - 1);
                StepResult step = env.Step(action);
                total += step.Reward;
                if (step.Terminated || step.Truncated)
                    break;
            }
        }
        return total / episodes;
    }
}
