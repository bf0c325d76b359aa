using System.Reflection;
using CommandLine;
using Pgvec.CommandLine;
using PolicyGradient.Devices;

namespace PolicyGradient.Tests.Cli;

/// <summary>
/// Every verb that takes --device can be made to fail rather than fall back to the CPU
/// accelerator, with --strict-device; the verbs that exist to report on a device (selftest,
/// bench) never fall back for a named device, and accept --strict-device too, so one command line
/// serves every verb.
/// </summary>
public class StrictDeviceTests
{
    [Fact]
    public void Every_verb_with_an_accelerator_device_option_has_strict_device()
    {
        Type[] verbs = [.. typeof(Pgvec.Cli).Assembly.GetTypes().Where(t => t.GetCustomAttribute<VerbAttribute>() is not null)];
        Type[] withDevice = [.. verbs.Where(v => Options(v).Any(o => o.Option.LongName == "device" && IsDeviceKind(o.Property)))];

        Assert.Contains(withDevice, v => v.Name == "BenchOptions");
        Assert.Contains(withDevice, v => v.Name == "ReplayOptions");
        Assert.Contains(withDevice, v => v.Name == "SelfTestOptions");
        Assert.All(withDevice, v => Assert.True(Options(v).Any(o => o.Option.LongName == "strict-device" && o.Property.PropertyType == typeof(bool)),
            $"{v.GetCustomAttribute<VerbAttribute>()!.Name} takes --device but not --strict-device"));
    }

    private static IEnumerable<(PropertyInfo Property, OptionAttribute Option)> Options(Type verb) =>
        verb.GetProperties().Select(p => (p, p.GetCustomAttribute<OptionAttribute>())).Where(o => o.Item2 is not null).Select(o => (o.p, o.Item2!));

    /// <summary>--device of an accelerator (DeviceKind's names), not eval's "host".</summary>
    private static bool IsDeviceKind(PropertyInfo property) =>
        property.GetCustomAttributesData().Any(a => a.AttributeType == typeof(OneOfAttribute) && a.ConstructorArguments.Any(c => Equals(c.Value, typeof(DeviceKind))));

    [SkippableTheory]
    [InlineData("no cuda device: nothing was measured on cuda (no cuda device found", "bench", "--envs", "2", "--seeds", "0", "--sweep-agents", "0", "--floor-envs", "0", "--crossover-runs", "0", "--device", "cuda")]
    [InlineData("no cuda device: nothing was measured on cuda (no cuda device found", "bench", "--envs", "2", "--seeds", "0", "--sweep-agents", "0", "--floor-envs", "0", "--crossover-runs", "0", "--device", "cuda", "--strict-device")]
    [InlineData("no cuda device: nothing was checked on cuda (no cuda device found", "selftest", "--device", "cuda", "--strict-device")]
    [InlineData("--device cuda requested but no cuda device found", "replay", "--engine", "device", "--state", "0,0,0,0", "--actions", "1", "--device", "cuda", "--strict-device")]
    public void A_missing_named_device_fails_with_one_line_instead_of_running_on_the_CPU(string message, params string[] args)
    {
        Skip.If(ComputeDevice.List().Any(d => d.Kind == DeviceKind.Cuda), "a CUDA device is present here");
        using var dir = new TempDirectory();
        string[] output = args[0] == "bench" ? ["--out", dir.Combine("bench.json")] : [];

        var run = CliRun.Of([.. args, .. output]);

        run.AssertRuntimeFailure();
        Assert.Contains(message, run.Stderr);
        Assert.False(File.Exists(dir.Combine("bench.json")));
    }
}
