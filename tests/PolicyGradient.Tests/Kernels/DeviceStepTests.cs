using PolicyGradient.Environment;
using PolicyGradient.Kernels;
using PolicyGradient.Policy;
using PolicyGradient.SelfTest;
using Xunit.Abstractions;

namespace PolicyGradient.Tests.Kernels;

[Collection(CpuDeviceCollection.Name)]
public class DeviceStepTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    public static TheoryData<string> StepReferences => new(DeviceStepReferences.All.Select(r => r.Environment.Id));

    /// <summary>
    /// The same comparison `pgvec selftest` makes (its tolerances and threshold rule: see
    /// <see cref="DeviceStepReference"/> and <see cref="DeviceTolerances"/>), on the files in tests/data.
    /// </summary>
    [Theory]
    [MemberData(nameof(StepReferences))]
    public void One_device_step_lands_on_Gymnasiums_next_record_from_every_recorded_state(string id)
    {
        DeviceStepReference reference = DeviceStepReferences.All.Single(r => r.Environment.Id == id);
        DeviceStepComparison result = reference.Check((environment, states, actions) => environment.Step(fixture.Device, states, actions),
            reference.Files.Select(ReferenceData.Document));

        output.WriteLine($"{id}: {result.Summary}; worst state error {result.WorstState:E2}, observation {result.WorstObservation:E2}, tolerance {reference.Tolerance:E1}");
        Assert.True(result.FailureCount == 0, $"{result.FailureCount} failures, the first:\n{string.Join("\n", result.Failures)}");
        Assert.Equal(reference.Files.Sum(f => GymnasiumRecords.Transitions(ReferenceData.Document(f)).Count()), result.Transitions);
        // The flags are compared on nearly every transition, and some of those end an episode (none, where only the time limit ends them).
        Assert.True(result.EnoughFlagsChecked, result.Summary);
        Assert.Equal(reference.Terminates, reference.Files.SelectMany(f => GymnasiumRecords.Transitions(ReferenceData.Document(f))).Any(t => t.Terminated));
    }

    /// <summary>A wrong step is caught: the comparison is not vacuous for any environment.</summary>
    [Theory]
    [MemberData(nameof(StepReferences))]
    public void A_device_step_off_by_ten_tolerances_fails_the_comparison(string id)
    {
        DeviceStepReference reference = DeviceStepReferences.All.Single(r => r.Environment.Id == id);
        DeviceStepComparison result = reference.Check((environment, states, actions) =>
            {
                DeviceTransition[] next = environment.Step(fixture.Device, states, actions);
                next[^1].State[^1] += (float)(10 * reference.Tolerance * Math.Max(1f, Math.Abs(next[^1].State[^1])));
                return next;
            },
            reference.Files.Select(ReferenceData.Document));

        Assert.Equal(1, result.FailureCount);
        Assert.True(result.WorstState > reference.Tolerance);
    }

    public static TheoryData<string> ResetRanges => new(Environments.All.Select(e => e.Id));

    /// <summary>
    /// The device's reset draws (the first observation of each env's episode) lie in Gymnasium's
    /// reset range and spread over it. The bounds are the float32 constants, closed: the device
    /// computes low + (high - low) U in float32, which may round up to high.
    /// </summary>
    [Theory]
    [MemberData(nameof(ResetRanges))]
    public void Device_reset_states_lie_in_Gymnasiums_reset_range(string id)
    {
        EnvironmentDefinition environment = Environments.Find(id)!;
        const int envs = 4096;
        using var batch = new PolicyGradient.Batched.EpisodeBatch(fixture.Device, environment.Device, 1, envs, 8, maxSteps: 1);
        batch.Rollout(PolicyParameters.Initialise(environment.Device.Layout(8), 3), 17, 0, 0.99f);
        float[][] first = [.. batch.ReadLastRollout().Episodes().Select(e => e.States[0])];

        var (low, high) = ResetObservationRange(id);
        for (int k = 0; k < low.Length; k++)
        {
            float[] values = [.. first.Select(o => o[k])];
            Assert.All(values, v => Assert.InRange(v, low[k], high[k]));
            // Spread: 4096 uniform draws leave less than 1% of the range uncovered at either end (or a constant is constant).
            Assert.True(values.Max() - values.Min() >= 0.98 * (high[k] - low[k]), $"{id} observation[{k}] spans only [{values.Min():R}, {values.Max():R}]");
        }
    }

    /// <summary>The range of the reset observation implied by Gymnasium's reset range of the state.</summary>
    private static (float[] Low, float[] High) ResetObservationRange(string id)
    {
        switch (id)
        {
            case CartPoleId:
            {
                float low = (float)CartPoleConstants.ResetLow, high = (float)CartPoleConstants.ResetHigh;
                return ([low, low, low, low], [high, high, high, high]);
            }
            case AcrobotId:
            {
                // Angles uniform in [-0.1, 0.1) seen as cos and sin: cos in [cos 0.1, 1], sin in
                // [-sin 0.1, sin 0.1], an ulp wider for the float32 cos and sin.
                float a = (float)AcrobotConstants.ResetHigh;
                float cosLow = MathF.BitDecrement(MathF.Cos(a)), sinHigh = MathF.BitIncrement(MathF.Sin(a));
                float low = (float)AcrobotConstants.ResetLow, high = (float)AcrobotConstants.ResetHigh;
                return ([cosLow, -sinHigh, cosLow, -sinHigh, low, low], [1f, sinHigh, 1f, sinHigh, high, high]);
            }
            case MountainCarId:
                // Position uniform in [-0.6, -0.4), velocity 0.
                return ([(float)MountainCarConstants.ResetLow, 0f], [(float)MountainCarConstants.ResetHigh, 0f]);
            case MountainCarContinuousId:
                return ([(float)MountainCarContinuousConstants.ResetLow, 0f], [(float)MountainCarContinuousConstants.ResetHigh, 0f]);
            case PendulumId:
                // Theta uniform in [-pi, pi) seen as cos and sin, theta_dot in [-1, 1).
                return ([-1f, -1f, -1f], [1f, 1f, 1f]);
            default:
                throw new ArgumentOutOfRangeException(nameof(id), id, "a built-in environment without a reset range here: add it");
        }
    }

    private const string CartPoleId = "CartPole-v1", AcrobotId = "Acrobot-v1", MountainCarId = "MountainCar-v0",
        MountainCarContinuousId = "MountainCarContinuous-v0", PendulumId = "Pendulum-v1";

    [Fact]
    public void Float_constants_are_the_reference_files_rounded_once()
    {
        var constants = ReferenceData.Gymnasium.GetProperty("constants");
        Assert.Equal(CartPoleEnv.Gymnasium.ThetaThreshold, (float)constants.GetProperty("theta_threshold_radians").GetDouble());
        Assert.Equal(CartPoleEnv.Gymnasium.XThreshold, (float)constants.GetProperty("x_threshold").GetDouble());
        Assert.Equal(CartPoleEnv.Gymnasium.TotalMass, (float)constants.GetProperty("total_mass").GetDouble());
        Assert.Equal(CartPoleEnv.Gymnasium.PoleMassLength, (float)constants.GetProperty("polemass_length").GetDouble());
        Assert.Equal(CartPoleEnv.Gymnasium.Tau, (float)constants.GetProperty("tau").GetDouble());
        Assert.Equal(CartPoleEnv.Gymnasium.Gravity, (float)constants.GetProperty("gravity").GetDouble());
        Assert.Equal(CartPoleEnv.Gymnasium.ForceMag, (float)constants.GetProperty("force_mag").GetDouble());
    }
}
