using Pgvec.Commands;
using PolicyGradient.SelfTest;
using PolicyGradient.Tests.Kernels;

namespace PolicyGradient.Tests.Cli;

[Collection(CpuDeviceCollection.Name)]
public class SelfTestVerbTests(CpuDeviceFixture fixture)
{
    /// <summary>One step check per built-in environment, then the engine's checks.</summary>
    private static readonly string[] CheckNames =
        [.. DeviceStepReferences.All.Select(r => r.CheckName), "policy forward", "gaussian forward", "random draws", "reduction", "reinforce grad", "gaussian grad", "training"];

    [Fact]
    public void Selftest_passes_every_check_on_the_CPU_accelerator()
    {
        var run = CliRun.Of("selftest", "--device", "cpu");

        Assert.Equal(0, run.Exit);
        Assert.StartsWith("cpu ", run.StdoutLines[0]);
        foreach (string name in CheckNames)
            Assert.Matches($@" pass  \(.+\)$", Assert.Single(run.StdoutLines, l => l.StartsWith(name + " ")));
        Assert.EndsWith("all pass", run.StdoutLines[^1]);
    }

    [SkippableFact]
    public void Selftest_of_a_named_missing_device_fails_before_any_check_instead_of_checking_the_CPU()
    {
        Skip.If(PolicyGradient.Devices.ComputeDevice.List().Any(d => d.Kind == PolicyGradient.Devices.DeviceKind.Cuda), "a CUDA device is present here");

        var run = CliRun.Of("selftest", "--device", "cuda");

        run.AssertRuntimeFailure();
        Assert.Contains("no cuda device: nothing was checked on cuda (no cuda device found", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [SkippableFact]
    public void Bench_of_a_named_missing_device_fails_before_measuring_anything()
    {
        Skip.If(PolicyGradient.Devices.ComputeDevice.List().Any(d => d.Kind == PolicyGradient.Devices.DeviceKind.Cuda), "a CUDA device is present here");
        using var temp = new TempDirectory();

        var run = CliRun.Of("bench", "--device", "cuda", "--out", temp.Combine("bench.json"));

        run.AssertRuntimeFailure();
        Assert.Contains("no cuda device: nothing was measured on cuda", run.Stderr);
        Assert.False(File.Exists(temp.Combine("bench.json")));
    }

    /// <summary>Each check, and a device computation made deliberately wrong that it alone must catch.</summary>
    public static TheoryData<string> Perturbed => new(CheckNames);

    [Theory]
    [MemberData(nameof(Perturbed))]
    public void Selftest_fails_naming_the_check_whose_kernel_result_is_perturbed(string check)
    {
        var honest = SelfTestComputations.On(fixture.Device);
        DeviceStepReference? stepped = DeviceStepReferences.All.SingleOrDefault(r => r.CheckName == check);
        var broken = check switch
        {
            // That environment's first next state, off by ten tolerances; the others' steps honest.
            _ when stepped is not null => honest with
            {
                Step = (e, s, a) => e != stepped.Environment.Device ? honest.Step(e, s, a)
                    : [.. honest.Step(e, s, a).Select((t, i) => i == 0 ? t with { State = Nudged(t.State, 0, (float)(10 * stepped.Tolerance)) } : t)],
            },
            "policy forward" => honest with { Logits = (e, p, s) => e.Head == PolicyGradient.Kernels.PolicyHead.Gaussian ? honest.Logits(e, p, s) : NudgedFirst(honest.Logits(e, p, s)) },
            "gaussian forward" => honest with { Logits = (e, p, s) => e.Head == PolicyGradient.Kernels.PolicyHead.Gaussian ? NudgedFirst(honest.Logits(e, p, s)) : honest.Logits(e, p, s) },
            "random draws" => honest with { UniformFloats = (k, c) => Nudged(honest.UniformFloats(k, c), 5, 1e-7f) },
            "reduction" => honest with { ReduceStatistics = rows => Nudged(honest.ReduceStatistics(rows), 0, 1e-4f) },
            "reinforce grad" => honest with { Reinforce = (env, p, e, s, i, g) => env.Head == PolicyGradient.Kernels.PolicyHead.Gaussian ? honest.Reinforce(env, p, e, s, i, g) : Nudged(honest.Reinforce(env, p, e, s, i, g)) },
            "gaussian grad" => honest with { Reinforce = (env, p, e, s, i, g) => env.Head == PolicyGradient.Kernels.PolicyHead.Gaussian ? Nudged(honest.Reinforce(env, p, e, s, i, g)) : honest.Reinforce(env, p, e, s, i, g) },
            "training" => honest with { Train = (o, e) => [.. honest.Train(o, e).Select((m, i) => i == 2 ? m with { MeanReturn = m.MeanReturn * 1.1 } : m)] },
            _ => throw new ArgumentOutOfRangeException(nameof(check)),
        };
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        int exit = SelfTestRun.Report(fixture.Device.Facts, broken, honest, stdout, stderr);

        Assert.Equal(1, exit);
        string[] lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(" FAIL ", Assert.Single(lines, l => l.StartsWith(check + " ")));
        Assert.Single(lines, l => l.Contains(" FAIL "));
        Assert.StartsWith($"pgvec: error: selftest check '{check}' failed", Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    private static float[] Nudged(float[] values, int at, float relative)
    {
        values[at] += relative * Math.Max(1f, Math.Abs(values[at]));
        return values;
    }

    /// <summary>The first observation's second output (or its only one) off by 1e-4.</summary>
    private static float[][] NudgedFirst(float[][] outputs)
    {
        outputs[0] = Nudged(outputs[0], Math.Min(1, outputs[0].Length - 1), 1e-4f);
        return outputs;
    }

    private static RecordedGradient Nudged(RecordedGradient g)
    {
        double[] gradient = (double[])g.Gradient.Clone();
        gradient[3] += 1e-3 * gradient.Max(Math.Abs);
        return g with { Gradient = gradient };
    }
}
