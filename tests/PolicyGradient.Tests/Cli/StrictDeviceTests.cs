using System.Reflection;
using CommandLine;
using Pgvec.CommandLine;
using PolicyGradient.Devices;

namespace PolicyGradient.Tests.Cli;

/// <summary>
/// Every verb that takes --device can be made to fail rather than fall back to the CPU
/// accelerator: with --strict-device, or always for a named device where the verb exists to report
/// on that device (selftest, bench).
/// </summary>
public class StrictDeviceTests
{
    /// <summary>Verbs whose named --device is that device or an error: a fallback's results would pass for it.</summary>
    private static readonly string[] ReportingVerbs = ["selftest", "bench"];

    [Fact]
    public void Every_verb_with_an_accelerator_device_option_can_refuse_to_fall_back()
    {
        Type[] verbs = [.. typeof(Pgvec.Cli).Assembly.GetTypes().Where(t => t.GetCustomAttribute<VerbAttribute>() is not null)];
        Type[] withDevice = [.. verbs.Where(v => Options(v).Any(o => o.Option.LongName == "device" && IsDeviceKind(o.Property)))];

        Assert.Contains(withDevice, v => v.Name == "BenchOptions");
        Assert.Contains(withDevice, v => v.Name == "ReplayOptions");
        Assert.All(withDevice, v =>
        {
            string name = v.GetCustomAttribute<VerbAttribute>()!.Name;
            bool strictOption = Options(v).Any(o => o.Option.LongName == "strict-device" && o.Property.PropertyType == typeof(bool));
            Assert.True(strictOption != ReportingVerbs.Contains(name),
                ReportingVerbs.Contains(name) ? $"{name} never falls back for a named device: --strict-device would be an option that does nothing" : $"{name} takes --device but not --strict-device");
        });
    }

    private static IEnumerable<(PropertyInfo Property, OptionAttribute Option)> Options(Type verb) =>
        verb.GetProperties().Select(p => (p, p.GetCustomAttribute<OptionAttribute>())).Where(o => o.Item2 is not null).Select(o => (o.p, o.Item2!));

    /// <summary>--device of an accelerator (DeviceKind's names), not eval's "host".</summary>
    private static bool IsDeviceKind(PropertyInfo property) =>
        property.GetCustomAttributesData().Any(a => a.AttributeType == typeof(OneOfAttribute) && a.ConstructorArguments.Any(c => Equals(c.Value, typeof(DeviceKind))));

    [SkippableTheory]
    [InlineData("no cuda device: nothing was measured on cuda (no cuda device found", "bench", "--envs", "2", "--seeds", "0", "--sweep-agents", "0", "--floor-envs", "0", "--crossover-runs", "0", "--device", "cuda")]
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
