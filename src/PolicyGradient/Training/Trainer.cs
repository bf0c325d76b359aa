using PolicyGradient.Devices;
using PolicyGradient.Environment;
using PolicyGradient.Policy;

namespace PolicyGradient.Training;

/// <summary>
/// Trains a policy for an environment struct: the library's one-call entry, the same batched
/// trainer `pgvec train` runs, on the device `pgvec train --device` would choose.
/// </summary>
public static class Trainer
{
    /// <summary>
    /// Trains an MLP policy with REINFORCE on <paramref name="environment"/> (categorical for
    /// discrete actions, Gaussian with log_std starting at 0 for a Box), one
    /// episode in each of <see cref="TrainingSettings.Envs"/> environments per iteration, until an
    /// iteration solves, a budget ends, training diverges or <paramref name="cancellationToken"/>
    /// asks it to stop (after the iteration then running). The outcome is in the result; nothing
    /// is thrown for it.
    /// </summary>
    /// <typeparam name="TEnvironment">A struct implementing <c>IDiscreteEnvironment&lt;TState, TObservation&gt;</c> or <c>IContinuousEnvironment&lt;TState, TObservation, TAction&gt;</c> (PolicyGradient.Kernels).</typeparam>
    /// <param name="environment">Its parameters: the struct's fields travel to the device by value.</param>
    /// <param name="progress">Gets each iteration's report on the training thread, as soon as its update is made.</param>
    /// <exception cref="ArgumentException"><typeparamref name="TEnvironment"/> is not such an environment, or a setting is out of range.</exception>
    /// <exception cref="DeviceUnavailableException">With <see cref="TrainingSettings.StrictDevice"/>, the requested device is not there.</exception>
    public static TrainingResult Train<TEnvironment>(TEnvironment environment, TrainingSettings settings, IProgress<IterationReport>? progress = null,
        CancellationToken cancellationToken = default)
        where TEnvironment : unmanaged
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        // An environment of the caller's own has no Gymnasium state names, and its defaults are the settings given.
        var definition = new EnvironmentDefinition(DeviceEnvironment.For(environment), [], new TrainingDefaults(settings.Envs, settings.LearningRate));
        TrainingOptions options = settings.ToOptions(definition);
        using ComputeDevice device = ComputeDevice.Open(settings.Device, settings.Notices ?? TextWriter.Null, settings.StrictDevice);
        using var trainer = new BatchedTrainer(device, settings.Envs, options);
        BatchedTrainingState state = trainer.States[0];
        var iterations = new List<IterationReport>();
        // The parameters after the last update whose numbers were all finite: a diverged run's result.
        double[] lastGood = (double[])state.Policy.Values.Clone();
        try
        {
            TrainingOutcome outcome = trainer.Train(update =>
            {
                state.Policy.Values.CopyTo(lastGood, 0);
                var report = IterationReport.Of(update);
                iterations.Add(report);
                progress?.Report(report);
            }, cancellationToken);
            return new TrainingResult(definition.Id, StopReasonOf(outcome, options), outcome.Policy, iterations, outcome, device.Kind, device.Name, failure: null);
        }
        catch (TrainingDivergedException e)
        {
            var policy = new PolicyParameters(state.Policy.Layout, lastGood);
            return new TrainingResult(definition.Id, StopReason.Diverged, policy, iterations, trainer.Outcomes()[0], device.Kind, device.Name, e.Message);
        }
    }

    private static StopReason StopReasonOf(TrainingOutcome outcome, TrainingOptions options) =>
        outcome.Solved ? StopReason.Solved
        : outcome.Interrupted ? StopReason.Cancelled
        : outcome.Updates >= options.MaxUpdates ? StopReason.IterationLimit
        : outcome.EnvSteps >= options.MaxEnvSteps ? StopReason.EnvStepLimit
        : StopReason.TimeLimit;
}
