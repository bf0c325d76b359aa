using System.Text.Json;
using PolicyGradient.Environment;
using PolicyGradient.Kernels;
using PolicyGradient.Policy;
using PolicyGradient.Tests.Policy;
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
            worst = Math.Max(worst, AssertDeviceLogitsMatch(CartPoleShapes.Device, CartPoleShapes.Layout(c.GetProperty("hidden").GetInt32()), c, "logits"));
        output.WriteLine($"worst relative logit error {worst:E2}");
    }

    /// <summary>
    /// The general reference's categorical cases whose shape a built-in environment has: the device
    /// network is compiled per environment (its observation and action vectors), so only those run.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(PolicyMathTests.CategoricalGeneralCases), MemberType = typeof(PolicyMathTests))]
    public void Device_forward_of_a_categorical_policy_matches_PyTorch_where_an_environment_has_its_shape(int index)
    {
        JsonElement c = PolicyMathTests.GeneralCase(index);
        PolicyLayout layout = PolicyMathTests.GeneralLayout(c);
        EnvironmentDefinition? environment = Environments.All.FirstOrDefault(e => e.Device.Layout(layout.Hidden) == layout);
        Skip.If(environment is null,
            $"case {index} has {layout.Inputs} observations and {layout.Actions} actions, a shape no built-in environment has ({string.Join(", ", Environments.All.Select(e => $"{e.Id} {e.Device.Observations}x{e.Device.Actions}"))}), so no device kernel is compiled for it");
        double worst = AssertDeviceLogitsMatch(environment!.Device, layout, c, "outputs");
        output.WriteLine($"{environment.Id} shape {layout}: worst relative logit error {worst:E2}");
    }

    /// <summary>The general reference's Gaussian cases whose shape a continuous environment has: the device's means against PyTorch's.</summary>
    [SkippableTheory]
    [MemberData(nameof(PolicyMathTests.GaussianGeneralCases), MemberType = typeof(PolicyMathTests))]
    public void Device_means_of_a_Gaussian_policy_match_PyTorch_where_an_environment_has_its_shape(int index)
    {
        JsonElement c = PolicyMathTests.GeneralCase(index);
        PolicyLayout layout = PolicyMathTests.GeneralLayout(c);
        EnvironmentDefinition? environment = Environments.All.FirstOrDefault(e => e.Device.Layout(layout.Hidden) == layout);
        Skip.If(environment is null,
            $"case {index} has {layout.Inputs} observations and {layout.Actions} action dimensions, a shape no built-in continuous environment has, so no device kernel is compiled for it");
        double worst = AssertDeviceLogitsMatch(environment!.Device, layout, c, "outputs");
        output.WriteLine($"{environment.Id} shape {layout}: worst relative mean error {worst:E2}");
    }

    /// <summary>The device's logits of the case's first episode against PyTorch's, each within the tolerance; returns the worst error.</summary>
    private double AssertDeviceLogitsMatch(DeviceEnvironment device, PolicyLayout layout, JsonElement c, string logitsName)
    {
        var parameters = new PolicyParameters(layout, c.GetProperty("params").Doubles());
        float[][] states = [.. c.GetProperty("episodes")[0].GetProperty("states").EnumerateArray().Select(s => s.Floats())];
        float[] logits = [.. device.Outputs(fixture.Device, parameters, states).SelectMany(l => l)];
        var expected = c.GetProperty("forward_first_episode").GetProperty(logitsName).EnumerateArray().SelectMany(r => r.Doubles()).ToArray();
        Assert.Equal(expected.Length, logits.Length);
        double worst = 0.0;
        for (int k = 0; k < expected.Length; k++)
        {
            double error = Math.Abs(logits[k] - expected[k]) / Math.Max(1.0, Math.Abs(expected[k]));
            worst = Math.Max(worst, error);
            Assert.True(error <= Tolerance, $"{layout} logit {k}: {logits[k]} vs {expected[k]}");
        }
        return worst;
    }
}
