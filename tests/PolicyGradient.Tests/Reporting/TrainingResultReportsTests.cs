using System.Buffers.Binary;
using PolicyGradient.Devices;
using PolicyGradient.Kernels;
using PolicyGradient.Reporting.Export;
using PolicyGradient.Reporting.Plots;
using PolicyGradient.Tests.Cli;
using PolicyGradient.Training;

namespace PolicyGradient.Tests.Reporting;

/// <summary>The reporting package's public API on what Trainer.Train returns: an ONNX model of the policy and a learning-curve PNG.</summary>
public class TrainingResultReportsTests
{
    private static readonly TrainingSettings TwoIterations = new() { Envs = 32, MaxIterations = 2, Device = DeviceKind.Cpu };

    [Fact]
    public void A_trained_policy_saved_as_ONNX_gives_the_logits_of_the_policy_itself()
    {
        TrainingResult result = Trainer.Train(AcrobotEnv.Gymnasium, TwoIterations);
        using var temp = new TempDirectory();
        string path = temp.Combine("acrobot.onnx");

        OnnxPolicyModel.Save(path, result.Policy, result.EnvironmentId);

        using var model = OnnxPolicy.Load(path);
        Assert.Equal((6, 3), (model.Observations, model.Actions));
        var random = new Random(7);
        var expected = new double[3];
        var actual = new double[3];
        for (int i = 0; i < 20; i++)
        {
            float[] observation = [.. Enumerable.Range(0, 6).Select(_ => (float)(random.NextDouble() * 2 - 1))];
            result.Policy.Logits(observation, expected);
            model.Logits(observation, actual);
            for (int k = 0; k < 3; k++)
                Assert.True(Math.Abs(expected[k] - actual[k]) <= 1e-5 * Math.Max(1, Math.Abs(expected[k])), $"logit {k}: {actual[k]}, the policy's {expected[k]}");
        }
    }

    [Fact]
    public void A_training_result_draws_as_learning_curve_png_and_a_run_of_no_iteration_is_refused()
    {
        TrainingResult result = Trainer.Train(AcrobotEnv.Gymnasium, TwoIterations);
        using var temp = new TempDirectory();
        string path = temp.Combine("curve.png");

        LearningCurvePlot.Save(path, result, targetReturn: -100);

        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Equal(1400, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));

        TrainingResult nothing = Trainer.Train(AcrobotEnv.Gymnasium, TwoIterations, cancellationToken: new CancellationToken(canceled: true));
        Assert.Equal(StopReason.Cancelled, nothing.Outcome);
        var refused = Assert.Throws<ArgumentException>(() => LearningCurvePlot.Save(temp.Combine("nothing.png"), nothing));
        Assert.StartsWith("no iteration ran", refused.Message);
        Assert.False(File.Exists(temp.Combine("nothing.png")));
    }
}
