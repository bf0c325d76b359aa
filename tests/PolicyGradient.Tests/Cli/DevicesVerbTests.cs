using PolicyGradient.Devices;

namespace PolicyGradient.Tests.Cli;

public class DevicesVerbTests
{
    [Fact]
    public void Devices_lists_every_accelerator_and_the_one_auto_picks()
    {
        var run = CliRun.Of("devices");

        Assert.Equal(0, run.Exit);
        var found = ComputeDevice.List();
        Assert.Equal(found.Count + 1, run.StdoutLines.Length);
        Assert.All(found, d => Assert.Contains(run.StdoutLines, l => l.StartsWith(d.Kind.Name()) && l.Contains(d.Name)));
        Assert.StartsWith("auto picks: ", run.StdoutLines[^1]);
    }
}
