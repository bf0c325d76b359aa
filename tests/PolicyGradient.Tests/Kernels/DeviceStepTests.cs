using PolicyGradient.Kernels;
using Xunit.Abstractions;

namespace PolicyGradient.Tests.Kernels;

[Collection(CpuDeviceCollection.Name)]
public class DeviceStepTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    /// <summary>Relative to the state's size, floored at 1; shared with `pgvec selftest`.</summary>
    private const double Tolerance = PolicyGradient.SelfTest.DeviceTolerances.Step;

    [Fact]
    public void One_device_step_lands_on_Gymnasiums_next_state_from_every_reference_state()
    {
        var transitions = ReferenceData.Transitions().ToList();
        float[][] states = [.. transitions.Select(t => t.Before.Select(v => (float)v).ToArray())];
        int[] actions = transitions.Select(t => t.Action).ToArray();
        var next = CartPoleShapes.Device.Step(fixture.Device, states, actions);

        double worst = 0.0;
        int terminationChecked = 0;
        for (int i = 0; i < transitions.Count; i++)
        {
            double[] expected = transitions[i].Step.GetProperty("state").Doubles();
            bool nearThreshold = false;
            for (int k = 0; k < 4; k++)
            {
                double error = Math.Abs(next[i].State[k] - expected[k]) / Math.Max(1.0, Math.Abs(expected[k]));
                worst = Math.Max(worst, error);
                Assert.True(error <= Tolerance, $"transition {i} component {k}: {next[i].State[k]} vs {expected[k]}");
            }
            nearThreshold |= Math.Abs(Math.Abs(expected[0]) - CartPoleConstants.XThreshold) <= Tolerance * CartPoleConstants.XThreshold;
            nearThreshold |= Math.Abs(Math.Abs(expected[2]) - CartPoleConstants.ThetaThreshold) <= Tolerance;
            if (nearThreshold)
                continue;
            // The reference's terminated flag is about the state; after termination Gymnasium
            // keeps reporting true, and so does the state test.
            bool expectedTerminal = expected[0] < -CartPoleConstants.XThreshold || expected[0] > CartPoleConstants.XThreshold
                                    || expected[2] < -CartPoleConstants.ThetaThreshold || expected[2] > CartPoleConstants.ThetaThreshold;
            Assert.Equal(transitions[i].Step.GetProperty("terminated").GetBoolean(), expectedTerminal);
            Assert.Equal(expectedTerminal, next[i].Terminated);
            terminationChecked++;
        }
        output.WriteLine($"{transitions.Count} transitions, worst relative error {worst:E2}, termination checked on {terminationChecked}");
        Assert.True(terminationChecked > transitions.Count - 10);
    }

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
