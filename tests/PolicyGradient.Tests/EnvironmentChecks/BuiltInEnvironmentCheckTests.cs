using PolicyGradient.Environment;
using PolicyGradient.EnvironmentChecks;
using PolicyGradient.Tests.Kernels;
using Xunit.Abstractions;

namespace PolicyGradient.Tests.EnvironmentChecks;

/// <summary>Every built-in environment passes every check: no failure, and a warning only where it is the environment's nature.</summary>
[Collection(CpuDeviceCollection.Name)]
public class BuiltInEnvironmentCheckTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData("CartPole-v1")]
    [InlineData("Acrobot-v1")]
    [InlineData("MountainCar-v0")]
    [InlineData("Pendulum-v1")]
    [InlineData("MountainCarContinuous-v0")]
    public void Every_check_passes(string id)
    {
        IReadOnlyList<CheckResult> results = EnvironmentChecker.Check(Environments.Named(id).Device, fixture.Device);
        foreach (CheckResult result in results)
            output.WriteLine(result.ToString());

        Assert.True(EnvironmentChecker.Passed(results));
    }
}
