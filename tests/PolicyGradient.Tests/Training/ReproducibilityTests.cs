using ILGPU.Runtime.CPU;
using PolicyGradient.Devices;
using PolicyGradient.Output;
using PolicyGradient.Tests.Cli;
using PolicyGradient.Training;

namespace PolicyGradient.Tests.Training;

public class ReproducibilityTests
{
    /// <summary>Columns that measure time, not training; everything else must repeat exactly.</summary>
    private static readonly string[] TimingColumns = ["wall_seconds", "env_steps_per_second"];

    [Fact]
    public void Same_seed_device_and_options_give_the_same_metrics_bit_for_bit()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        string[] args = ["train", "--envs", "24", "--device", "cpu", "--seed", "5", "--max-iterations", "6", "--quiet"];

        Assert.Equal(0, CliRun.Of([.. args, "--out", first.Path]).Exit);
        Assert.Equal(0, CliRun.Of([.. args, "--out", second.Path]).Exit);

        var a = TrainingColumns(first.Combine(MetricsCsv.FileName));
        var b = TrainingColumns(second.Combine(MetricsCsv.FileName));
        Assert.Equal(7, a.Count);   // header and six iterations
        Assert.Equal(a, b);
    }

    [Fact]
    public void Results_do_not_depend_on_how_many_threads_the_CPU_accelerator_simulates()
    {
        var options = new TrainingOptions { Seed = 3, MaxUpdates = 4 };
        double[] Train(CPUDevice cpu)
        {
            using var device = ComputeDevice.OpenCpu(cpu);
            using var trainer = new BatchedTrainer(device, 40, options);
            return trainer.Train().Policy.Values;
        }

        double[] reference = Train(new CPUDevice(2, 1, 1));
        Assert.Equal(reference, Train(new CPUDevice(2, 1, 2)));
        Assert.Equal(reference, Train(new CPUDevice(4, 4, 2)));
        Assert.NotEqual(PolicyGradient.Policy.PolicyParameters.Initialise(CartPoleShapes.Layout(32), 3).Values, reference);
    }

    private static List<string> TrainingColumns(string csv)
    {
        var lines = File.ReadAllLines(csv);
        string[] header = lines[0].Split(',');
        int[] keep = [.. Enumerable.Range(0, header.Length).Where(i => !TimingColumns.Contains(header[i]))];
        return [.. lines.Select(l => string.Join(',', keep.Select(i => l.Split(',')[i])))];
    }
}
