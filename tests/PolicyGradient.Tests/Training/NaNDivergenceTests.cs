using PolicyGradient.Kernels;
using PolicyGradient.Policy;
using PolicyGradient.Tests.Kernels;
using PolicyGradient.Training;

namespace PolicyGradient.Tests.Training;

/// <summary>
/// A NaN weight must stop training on every device. The CPU accelerator's ReLU (MathF.Max) keeps
/// NaN; PTX max.f32 turns ReLU(NaN) into 0, so on a GPU the NaN weight's gradient can come back
/// finite: the host's check of the updated parameters, which Adam leaves NaN, catches it there.
/// </summary>
[Collection(CpuDeviceCollection.Name)]
public class NaNDivergenceTests(CpuDeviceFixture fixture)
{
    private const int Hidden = 32;
    private static readonly AgentSettings Agent = new(1, 0.01, 0.99, Objective.Reinforce);

    private static BatchedTrainingState WithNaNWeight()
    {
        var state = BatchedTrainingState.Start(Agent, new BatchSettings(16, Hidden, double.PositiveInfinity, 5, double.PositiveInfinity));
        state.Policy.Values[CartPoleShapes.Layout(Hidden).Fc1Weight] = double.NaN;
        return state;
    }

    [Fact]
    public void A_NaN_weight_stops_training_at_its_first_iteration_on_the_CPU_accelerator()
    {
        using var trainer = new BatchedTrainer(fixture.Device, new BatchSettings(16, Hidden, double.PositiveInfinity, 5, double.PositiveInfinity), [Agent], [WithNaNWeight()]);

        var e = Assert.Throws<TrainingDivergedException>(() => trainer.Step());

        Assert.StartsWith("training diverged at iteration 1: the ", e.Message);
        Assert.Equal(0, trainer.States[0].Iteration);
    }

    [Fact]
    public void The_CPU_accelerator_network_keeps_a_NaN_preactivation_NaN()
    {
        // Where a GPU's max.f32 would make the unit's output 0 and the logits look healthy.
        var policy = WithNaNWeight().Policy;

        float[] logits = CartPoleShapes.Device.Outputs(fixture.Device, policy, [[0.01f, 0.02f, 0.03f, 0.04f]])[0];

        Assert.All(logits, l => Assert.True(float.IsNaN(l), $"logit {l}"));
    }

    [Fact]
    public void A_NaN_weight_stays_NaN_through_Adam_so_the_updated_policy_check_catches_it_whatever_the_gradient()
    {
        // The gradient a GPU returns when ReLU(NaN) became 0: finite, zero for the NaN weight.
        var state = WithNaNWeight();
        var finiteGradient = new double[state.Policy.Values.Length];

        state.Optimizer.Step(state.Policy.Values, finiteGradient);

        Assert.True(double.IsNaN(state.Policy.Values[CartPoleShapes.Layout(Hidden).Fc1Weight]));
        var e = Assert.Throws<TrainingDivergedException>(() =>
            TrainingDivergedException.ThrowIfNotFinite(state.Policy.Values, "updated policy", "iteration 1"));
        Assert.Contains("the updated policy is not finite (NaN at index 0)", e.Message);
    }
}
