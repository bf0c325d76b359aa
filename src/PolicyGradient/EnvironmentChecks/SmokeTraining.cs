using System.Globalization;
using PolicyGradient.Devices;
using PolicyGradient.Environment;
using PolicyGradient.Training;

namespace PolicyGradient.EnvironmentChecks;

/// <summary>A few iterations of batched training, as `pgvec train` runs them: no loss, gradient or parameter may stop being finite.</summary>
internal static class SmokeTraining
{
    public const string Name = "smoke training";

    public static CheckResult Run(DeviceEnvironment environment, ComputeDevice device, EnvironmentCheckOptions options)
    {
        var training = new TrainingOptions
        {
            Environment = new EnvironmentDefinition(environment, [], new TrainingDefaults(options.SmokeEnvs, TrainingOptions.BatchedLearningRate)),
            Seed = options.Seed,
            Hidden = options.SmokeHidden,
            LearningRate = TrainingOptions.BatchedLearningRate,
            TargetReturn = double.PositiveInfinity,
            MaxUpdates = options.SmokeIterations,
        };
        var returns = new List<double>();
        try
        {
            using var trainer = new BatchedTrainer(device, options.SmokeEnvs, training);
            trainer.Train(report =>
            {
                returns.Add(report.MeanReturn);
                if (!double.IsFinite(report.MeanReturn) || !double.IsFinite(report.PolicyLoss))
                    throw new TrainingDivergedException($"iteration {report.Update}: mean return {report.MeanReturn}, loss {report.PolicyLoss}");
            });
        }
        catch (TrainingDivergedException e)
        {
            return CheckResult.Fail(Name, $"{e.Message} (here with {options.SmokeEnvs} envs at lr {TrainingOptions.BatchedLearningRate}: a reward or observation that is not finite, or too large for float32, does this)");
        }
        string trend = string.Join(" -> ", returns.Select(r => r.ToString("G4", CultureInfo.InvariantCulture)));
        return CheckResult.Pass(Name, $"{returns.Count} iterations of {options.SmokeEnvs} envs ({environment.Observations}-{options.SmokeHidden}-{environment.Actions} policy, lr {TrainingOptions.BatchedLearningRate}): mean return {trend}, everything finite");
    }
}
