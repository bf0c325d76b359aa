using PolicyGradient.Devices;
using PolicyGradient.Kernels;
using PolicyGradient.Training;

// Trains a policy for PointMass (PointMass.cs) with thousands of copies of it in parallel on the
// best accelerator present, saves it, then plays it on the host against random actions: the same
// struct runs in the kernels and here.
string policyPath = args.Length > 0 ? args[0] : "point-mass.safetensors";
PointMass environment = PointMass.Default;

var settings = new TrainingSettings
{
    Envs = 1024,
    LearningRate = 0.05,
    TargetReturn = 8.0,     // most episodes stop on the target, and soon
    MaxIterations = 200,
    Device = DeviceKind.Auto,
    Notices = Console.Error,
};
TrainingResult result = Trainer.Train(environment, settings, new PrintedProgress());
Console.WriteLine($"{result.Outcome} after {result.Iterations.Count} iterations: {result.EnvSteps:N0} env-steps in {result.TrainingSeconds:F1} s on {result.Device} ({result.DeviceName})");

result.SavePolicy(policyPath);
Console.WriteLine($"policy saved to {policyPath}");

Console.WriteLine($"random actions, mean return over 100 episodes: {MeanReturn(environment, (_, key, t) => (int)(CounterRandom.UniformFloat(key, (ulong)(PointMass.ResetDraws + t)) * PointMass.Actions)):F2}");
var logits = new double[PointMass.Actions];
Console.WriteLine($"trained policy (greedy), mean return over 100 episodes: {MeanReturn(environment, (observation, _, _) =>
{
    result.Policy.Logits([observation.X0, observation.X1], logits);
    return Array.IndexOf(logits, logits.Max());
}):F2}");

// Episodes on the host, each from its own counter-based stream as the device draws them.
static double MeanReturn(PointMass environment, Func<Vector2, ulong, int, int> act)
{
    const int episodes = 100;
    double total = 0;
    for (int episode = 0; episode < episodes; episode++)
    {
        ulong key = CounterRandom.StreamKey(2026, (ulong)episode, 0);
        PointMassState state = environment.Reset(key);
        for (int t = 0; t < PointMass.MaxEpisodeSteps; t++)
        {
            Transition<PointMassState> step = environment.Step(state, act(environment.Observe(state), key, t));
            total += step.Reward;
            state = step.State;
            if (step.Terminated)
                break;
        }
    }
    return total / episodes;
}

/// <summary>One line per iteration, printed on the training thread as it ends.</summary>
sealed class PrintedProgress : IProgress<IterationReport>
{
    public void Report(IterationReport r) =>
        Console.WriteLine($"iteration {r.Iteration,3}: mean return {r.MeanReturn,7:F2}, episode length {r.MeanEpisodeLength,5:F1}, entropy {r.Entropy:F2}");
}
