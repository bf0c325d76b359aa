using PolicyGradient.Batched;
using PolicyGradient.Policy;
using Xunit.Abstractions;

namespace PolicyGradient.Tests.Kernels;

[Collection(CpuDeviceCollection.Name)]
public class DeviceForwardTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    /// <summary>Relative, floored at 1; shared with `pgvec selftest`.</summary>
    private const double Tolerance = PolicyGradient.SelfTest.DeviceTolerances.Logits;

    [Fact]
    public void Device_forward_matches_the_PyTorch_reference_cases()
    {
        double worst = 0.0;
        foreach (var c in ReferenceData.PolicyCases)
        {
            int hidden = c.GetProperty("hidden").GetInt32();
            var parameters = new PolicyParameters(CartPoleShapes.Layout(hidden), c.GetProperty("params").Doubles());
            float[][] states = [.. c.GetProperty("episodes")[0].GetProperty("states").EnumerateArray().Select(s => s.Floats())];
            float[] logits = [.. CartPoleShapes.Device.Logits(fixture.Device, parameters, states).SelectMany(l => l)];
            var expected = c.GetProperty("forward_first_episode").GetProperty("logits").EnumerateArray().SelectMany(r => r.Doubles()).ToArray();
            Assert.Equal(expected.Length, logits.Length);
            for (int k = 0; k < expected.Length; k++)
            {
                double error = Math.Abs(logits[k] - expected[k]) / Math.Max(1.0, Math.Abs(expected[k]));
                worst = Math.Max(worst, error);
                Assert.True(error <= Tolerance, $"hidden {hidden} logit {k}: {logits[k]} vs {expected[k]}");
            }
        }
        output.WriteLine($"worst relative logit error {worst:E2}");
    }
}
