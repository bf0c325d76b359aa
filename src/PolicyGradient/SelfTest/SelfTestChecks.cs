using PolicyGradient.Environment;
using System.Text.Json;
using PolicyGradient.Batched;
using PolicyGradient.Kernels;
using PolicyGradient.Policy;
using PolicyGradient.Training;

namespace PolicyGradient.SelfTest;

/// <summary>
/// `pgvec selftest`: the test suite's device checks, run on any accelerator against the embedded
/// references, the host's float64 maths, and the CPU accelerator. Each check reports its worst
/// error; a computation that throws fails its check with the exception's first line.
/// </summary>
internal static class SelfTestChecks
{
    /// <summary>Runs every check on <paramref name="device"/>; the training check compares with <paramref name="cpuReference"/>.</summary>
    public static IEnumerable<SelfTestCheck> Run(SelfTestComputations device, SelfTestComputations cpuReference)
    {
        foreach (DeviceStepReference reference in DeviceStepReferences.All)
            yield return Guarded(reference.CheckName, reference.Tolerance, () => Step(device, reference));
        yield return Guarded("policy forward", DeviceTolerances.Logits, () => Forward(device));
        yield return Guarded("gaussian forward", DeviceTolerances.Logits, () => GaussianForward(device));
        yield return Guarded("random draws", DeviceTolerances.RandomDraws, () => RandomDraws(device));
        yield return Guarded("reduction", DeviceTolerances.Reduction, () => Reduction(device));
        yield return Guarded("reinforce grad", DeviceTolerances.Gradient, () => Gradient(device, Environments.CartPole.Device));
        yield return Guarded("gaussian grad", DeviceTolerances.Gradient, () => Gradient(device, Environments.Pendulum.Device));
        yield return Guarded("training", DeviceTolerances.Training, () => Training(device, cpuReference));
    }

    private static SelfTestCheck Guarded(string name, double tolerance, Func<(double Worst, string Detail)> check)
    {
        try
        {
            var (worst, detail) = check();
            return new SelfTestCheck(name, worst, tolerance, detail);
        }
        catch (Exception e)
        {
            return new SelfTestCheck(name, double.NaN, tolerance, $"failed: {e.Message.Split('\n')[0].TrimEnd()}");
        }
    }

    private static double Relative(double actual, double expected) => Math.Abs(actual - expected) / Math.Max(1.0, Math.Abs(expected));

    /// <summary>The float32 step from every Gymnasium reference state of one environment; flags where not within rounding of a threshold.</summary>
    private static (double, string) Step(SelfTestComputations device, DeviceStepReference reference)
    {
        DeviceStepComparison comparison = reference.Check(device.Step, reference.Files.Select(EmbeddedReferences.Document));
        if (comparison.FlagFailures > 0)
            return (double.PositiveInfinity, $"terminated or reward wrong on {comparison.FlagFailures} of {comparison.Transitions} transitions: {comparison.Failures[0]}");
        if (!comparison.EnoughFlagsChecked)
            return (double.PositiveInfinity, $"only {comparison.Summary}");
        return (comparison.WorstError, comparison.Summary);
    }

    /// <summary>Logits of every PyTorch reference case's first episode.</summary>
    private static (double, string) Forward(SelfTestComputations device)
    {
        double worst = 0.0;
        int compared = 0;
        foreach (JsonElement c in EmbeddedReferences.PyTorch.GetProperty("cases").EnumerateArray())
        {
            var parameters = new PolicyParameters(Environments.CartPole.Device.Layout(c.GetProperty("hidden").GetInt32()), EmbeddedReferences.Doubles(c.GetProperty("params")));
            float[][] states = [.. c.GetProperty("episodes")[0].GetProperty("states").EnumerateArray()
                .Select(s => EmbeddedReferences.Doubles(s).Select(v => (float)v).ToArray())];
            double[] expected = c.GetProperty("forward_first_episode").GetProperty("logits").EnumerateArray()
                .SelectMany(EmbeddedReferences.Doubles).ToArray();
            float[] logits = [.. device.Logits(Environments.CartPole.Device, parameters, states).SelectMany(l => l)];
            if (logits.Length != expected.Length)
                return (double.PositiveInfinity, $"{logits.Length} logits for {expected.Length} expected");
            for (int k = 0; k < expected.Length; k++)
                worst = Math.Max(worst, Relative(logits[k], expected[k]));
            compared += expected.Length;
        }
        return (worst, $"{compared} PyTorch logits");
    }

    /// <summary>The means of the general PyTorch reference's Gaussian cases shaped like a continuous environment (Pendulum's 3 -> 1, MountainCarContinuous's 2 -> 1).</summary>
    private static (double, string) GaussianForward(SelfTestComputations device)
    {
        double worst = 0.0;
        int compared = 0;
        foreach (JsonElement c in EmbeddedReferences.GeneralPyTorch.GetProperty("cases").EnumerateArray().Where(c => c.GetProperty("kind").GetString() == "gaussian"))
        {
            int hidden = c.GetProperty("hidden").GetInt32();
            EnvironmentDefinition? environment = Environments.All.FirstOrDefault(e => e.Device.Head == PolicyHead.Gaussian
                && e.Device.Observations == c.GetProperty("observations").GetInt32() && e.Device.Actions == c.GetProperty("action_dims").GetInt32());
            if (environment is null)
                continue;
            var parameters = new PolicyParameters(environment.Device.Layout(hidden), EmbeddedReferences.Doubles(c.GetProperty("params")));
            float[][] states = [.. c.GetProperty("episodes")[0].GetProperty("states").EnumerateArray()
                .Select(s => EmbeddedReferences.Doubles(s).Select(v => (float)v).ToArray())];
            double[] expected = c.GetProperty("forward_first_episode").GetProperty("outputs").EnumerateArray()
                .SelectMany(EmbeddedReferences.Doubles).ToArray();
            float[] means = [.. device.Logits(environment.Device, parameters, states).SelectMany(m => m)];
            if (means.Length != expected.Length)
                return (double.PositiveInfinity, $"{means.Length} means for {expected.Length} expected");
            for (int k = 0; k < expected.Length; k++)
                worst = Math.Max(worst, Relative(means[k], expected[k]));
            compared += expected.Length;
        }
        return compared == 0 ? (double.PositiveInfinity, "no Gaussian case fits a continuous environment") : (worst, $"{compared} PyTorch means");
    }

    /// <summary>Draws at reset and step counters of a few streams, against the host's.</summary>
    private static (double, string) RandomDraws(SelfTestComputations device)
    {
        var keys = new List<ulong>();
        var counters = new List<ulong>();
        foreach (ulong seed in new ulong[] { 0, 1, 0x8000_0000_0000_0005 })
        {
            for (ulong env = 0; env < 64; env++)
            {
                foreach (ulong counter in new ulong[] { 0, 1, 2, 3, (ulong)Environments.CartPole.Device.ResetDraws, (ulong)Environments.CartPole.Device.ResetDraws + 499, ulong.MaxValue })
                {
                    keys.Add(CounterRandom.StreamKey(seed, 7, env));
                    counters.Add(counter);
                }
            }
        }
        float[] draws = device.UniformFloats([.. keys], [.. counters]);
        double worst = 0.0;
        for (int i = 0; i < keys.Count; i++)
        {
            float host = CounterRandom.UniformFloat(keys[i], counters[i]);
            worst = Math.Max(worst, BitConverter.SingleToInt32Bits(host) == BitConverter.SingleToInt32Bits(draws[i]) ? 0.0 : Math.Abs(host - draws[i]) + float.Epsilon);
        }
        return (worst, $"{keys.Count} draws");
    }

    /// <summary>Column sums, mins and maxes of a matrix the size of a 4099-env batch: twice (same bits), against float64 on the host.</summary>
    private static (double, string) Reduction(SelfTestComputations device)
    {
        const int rows = 4099;
        const int width = EpisodeStatistics.Width;
        ulong key = CounterRandom.StreamKey(3, 0, 0);
        float[] matrix = new float[rows * width];
        for (int i = 0; i < matrix.Length; i++)
            matrix[i] = 500.0f * CounterRandom.UniformFloat(key, (ulong)i);
        float[] first = device.ReduceStatistics(matrix);
        float[] second = device.ReduceStatistics(matrix);
        if (!first.Select(BitConverter.SingleToInt32Bits).SequenceEqual(second.Select(BitConverter.SingleToInt32Bits)))
            return (double.PositiveInfinity, "two reductions of the same matrix differ");
        double worst = 0.0;
        for (int column = 0; column < width; column++)
        {
            var values = Enumerable.Range(0, rows).Select(r => (double)matrix[r * width + column]);
            double expected = column switch
            {
                EpisodeStatistics.ReturnMin => values.Min(),
                EpisodeStatistics.ReturnMax => values.Max(),
                _ => values.Sum(),
            };
            worst = Math.Max(worst, Math.Abs(first[column] - expected) / Math.Abs(expected));
        }
        return (worst, $"{rows}x{width}, same bits twice");
    }

    /// <summary>
    /// The device's REINFORCE gradient of the episodes it played on <paramref name="environment"/> (a categorical
    /// policy on CartPole, a Gaussian one with its log_std on Pendulum), against float64 on the host from the same episodes.
    /// </summary>
    private static (double, string) Gradient(SelfTestComputations device, DeviceEnvironment environment)
    {
        const int hidden = 32, envs = 48;
        const float gamma = 0.99f;
        var policy = PolicyParameters.Initialise(environment.Layout(hidden), 5);
        RecordedGradient recorded = device.Reinforce(environment, policy, envs, 11, 3, gamma);

        // The float32 parameters the device ran, widened back for the float64 reference.
        var host = new PolicyParameters(policy.Layout, policy.Values.Select(v => (double)(float)v).ToArray());
        var returnsToGo = recorded.Episodes.Select(e => PolicyMath.ReturnsToGo(e.Rewards, gamma)).ToList();
        var weights = AdvantageNormalisation.Weights(returnsToGo, subtractBaseline: true, normalise: true);
        var expected = new double[host.Layout.Count];
        double expectedLoss = PolicyMath.ReinforceGradient(host.Values, host.Layout, recorded.Episodes, weights, expected);
        if (recorded.Gradient.Length != expected.Length)
            return (double.PositiveInfinity, $"{recorded.Gradient.Length} gradient components for {expected.Length} parameters");
        double norm = expected.Max(Math.Abs);
        double worst = Relative(recorded.Loss, expectedLoss);
        for (int k = 0; k < expected.Length; k++)
            worst = Math.Max(worst, Math.Abs(recorded.Gradient[k] - expected[k]) / norm);
        return (worst, $"{envs} episodes, {recorded.Episodes.Sum(e => e.Length)} steps, {expected.Length} parameters and the loss");
    }

    /// <summary>A few iterations from the same seed on the device and on the CPU accelerator.</summary>
    private static (double, string) Training(SelfTestComputations device, SelfTestComputations cpuReference)
    {
        const int envs = 512, iterations = 5;
        var options = new TrainingOptions { Seed = 0, MaxUpdates = iterations, TargetReturn = double.MaxValue };
        IReadOnlyList<IterationMetrics> actual = device.Train(options, envs);
        IReadOnlyList<IterationMetrics> expected = cpuReference.Train(options, envs);
        if (actual.Count != expected.Count)
            return (double.PositiveInfinity, $"{actual.Count} iterations against the CPU accelerator's {expected.Count}");
        double worst = 0.0;
        for (int i = 0; i < actual.Count; i++)
        {
            worst = Math.Max(worst, Relative(actual[i].MeanReturn, expected[i].MeanReturn));
            worst = Math.Max(worst, Math.Abs(actual[i].Entropy - expected[i].Entropy) / Math.Abs(expected[i].Entropy));
            worst = Math.Max(worst, Math.Abs(actual[i].GradientNorm - expected[i].GradientNorm) / Math.Abs(expected[i].GradientNorm));
        }
        return (worst, $"{iterations} iterations x {envs} envs against the CPU accelerator: mean return, entropy, gradient norm");
    }
}
