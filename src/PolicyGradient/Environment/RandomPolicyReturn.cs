using PolicyGradient.Kernels;

namespace PolicyGradient.Environment;

/// <summary>
/// The mean return of a uniformly random policy on an environment's float64 reference: the
/// floor a trained policy must beat. Episode e resets from stream (seed, Stream, e) and draws its
/// actions from (seed, Stream + 1, e), so a seed always gives the same number: a discrete action
/// uniform over the actions (draw t), a Box action uniform in the Box (dimension k of step t from
/// draw t * dimensions + k, rounded to float32).
/// </summary>
internal static class RandomPolicyReturn
{
    private const ulong Stream = 0x52414e44; // "RAND": apart from the trainers' streams

    public static double Mean(EnvironmentDefinition environment, int episodes, ulong seed)
    {
        IReferenceEnvironment env = environment.CreateReference();
        ActionSpace space = environment.Device.ActionSpace;
        double total = 0.0;
        for (int e = 0; e < episodes; e++)
        {
            env.Reset(CounterRandom.StreamKey(seed, Stream, (ulong)e));
            ulong actionKey = CounterRandom.StreamKey(seed, Stream + 1, (ulong)e);
            for (ulong t = 0; ; t++)
            {
                StepResult step = space is BoxActions box ? env.Step(Uniform(box, actionKey, t)) : env.Step(Uniform((DiscreteActions)space, actionKey, t));
                total += step.Reward;
                if (step.Terminated || step.Truncated)
                    break;
            }
        }
        return total / episodes;
    }

    private static int Uniform(DiscreteActions actions, ulong key, ulong t) =>
        Math.Min((int)(CounterRandom.UniformDouble(key, t) * actions.Count), actions.Count - 1);

    private static float[] Uniform(BoxActions box, ulong key, ulong t)
    {
        var action = new float[box.Dimensions];
        for (int k = 0; k < action.Length; k++)
            action[k] = (float)(box.Low[k] + ((double)box.High[k] - box.Low[k]) * CounterRandom.UniformDouble(key, t * (ulong)action.Length + (ulong)k));
        return action;
    }
}
