using PolicyGradient.Environment;
using PolicyGradient.EnvironmentChecks;
using PolicyGradient.Tests.Kernels;

namespace PolicyGradient.Tests.EnvironmentChecks;

/// <summary>
/// The device checks fail where the device's episodes are not the host's, or not the same twice:
/// a rollout of other streams than the host replays stands in for a device that computes wrong.
/// </summary>
[Collection(CpuDeviceCollection.Name)]
public class DeviceChecksTests(CpuDeviceFixture fixture)
{
    private static readonly DeviceEnvironment MountainCar = Environments.MountainCar.Device;

    [Fact]
    public void Device_episodes_the_host_does_not_play_are_named_where_they_part()
    {
        var (seven, _) = DeviceChecks.Rollouts(MountainCar, fixture.Device, 2, 8, 20, seed: 7);
        var (eight, _) = DeviceChecks.Rollouts(MountainCar, fixture.Device, 2, 8, 20, seed: 8);

        CheckResult same = DeviceChecks.Agree(MountainCar, fixture.Device, seven, [], 7, 1e-5);
        CheckResult other = DeviceChecks.Agree(MountainCar, fixture.Device, eight, [], 7, 1e-5);

        Assert.Equal(CheckOutcome.Passed, same.Outcome);
        Assert.Equal(CheckOutcome.Failed, other.Outcome);
        Assert.StartsWith("env 0 after Reset: observation[0] is ", other.Detail);
        Assert.Contains("(tolerance 1E-05 x max(1, |host|))", other.Detail);
    }

    [Fact]
    public void Rollouts_that_differ_are_not_deterministic()
    {
        var (first, second) = DeviceChecks.Rollouts(MountainCar, fixture.Device, 2, 8, 20, seed: 7);
        var (other, _) = DeviceChecks.Rollouts(MountainCar, fixture.Device, 2, 8, 20, seed: 8);

        Assert.Equal(CheckOutcome.Passed, DeviceChecks.Deterministic(MountainCar, first, second).Outcome);
        CheckResult differs = DeviceChecks.Deterministic(MountainCar, first, other);
        Assert.Equal(CheckOutcome.Failed, differs.Outcome);
        Assert.StartsWith("env 0's episode played twice from the same stream", differs.Detail);
    }
}
