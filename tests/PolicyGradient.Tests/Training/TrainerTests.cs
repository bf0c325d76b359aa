using PolicyGradient.Checkpoints;
using PolicyGradient.Devices;
using PolicyGradient.Environment;
using PolicyGradient.Kernels;
using PolicyGradient.Training;

namespace PolicyGradient.Tests.Training;

/// <summary>The library's one-call API: the batched trainer behind `pgvec train`, the same bits, and an outcome that says why it stopped.</summary>
public class TrainerTests
{
    /// <summary>Acrobot-v1 with `train`'s defaults for it (256 envs, lr 0.05, target -100): a few iterations on the CPU accelerator.</summary>
    private static readonly TrainingSettings Acrobot = new()
    {
        Envs = 256, LearningRate = 0.05, TargetReturn = -100, Seed = 0, MaxIterations = 60, Device = DeviceKind.Cpu,
    };

    [Fact]
    public void Train_solves_Acrobot_with_the_bits_the_batched_trainer_gives_for_the_same_seed()
    {
        TrainingResult result = Trainer.Train(AcrobotEnv.Gymnasium, Acrobot);

        var options = new TrainingOptions
        {
            Environment = Environments.Acrobot, Seed = 0, LearningRate = 0.05, TargetReturn = -100, MaxUpdates = 60,
        };
        using var device = ComputeDevice.Open(DeviceKind.Cpu, TextWriter.Null);
        using var trainer = new BatchedTrainer(device, 256, options);
        var reports = new List<UpdateReport>();
        TrainingOutcome expected = trainer.Train(reports.Add);

        Assert.True(expected.Solved);
        Assert.Equal(StopReason.Solved, result.Outcome);
        Assert.Equal(expected.Policy.Values, result.Policy.Values);
        Assert.Equal(reports.Select(r => r.MeanReturn), result.Iterations.Select(r => r.MeanReturn));
        Assert.Equal(reports.Select(r => r.GradientNorm), result.Iterations.Select(r => r.GradientNorm));
        Assert.Equal(expected.EnvSteps, result.EnvSteps);
        Assert.True(result.FinalMeanReturn >= -100);
        Assert.Equal("Acrobot-v1", result.EnvironmentId);
        Assert.Equal(DeviceKind.Cpu, result.Device);
    }

    [Fact]
    public void Cancelling_stops_after_the_iteration_then_running_and_says_so()
    {
        using var cancel = new CancellationTokenSource();
        var seen = new List<int>();
        var progress = new SynchronousProgress(r =>
        {
            seen.Add(r.Iteration);
            if (r.Iteration == 2)
                cancel.Cancel();
        });

        TrainingResult result = Trainer.Train(AcrobotEnv.Gymnasium, Acrobot with { TargetReturn = null }, progress, cancel.Token);

        Assert.Equal(StopReason.Cancelled, result.Outcome);
        Assert.Equal([1, 2], seen);
        Assert.Equal(2, result.Iterations.Count);
        Assert.Null(result.SecondsToSolve);
    }

    [Fact]
    public void A_budget_that_ends_first_is_the_outcome()
    {
        TrainingResult result = Trainer.Train(AcrobotEnv.Gymnasium, Acrobot with { TargetReturn = null, MaxIterations = 2 });

        Assert.Equal(StopReason.IterationLimit, result.Outcome);
        Assert.Equal(2, result.Iterations.Count);
        Assert.Equal(result.Iterations[^1].TotalEnvSteps, result.EnvSteps);
        Assert.True(result.FinalMeanReturn < -100);
    }

    [Fact]
    public void A_learning_rate_that_diverges_returns_the_last_finite_policy_and_says_where()
    {
        TrainingResult result = Trainer.Train(AcrobotEnv.Gymnasium, Acrobot with { LearningRate = 1e300, TargetReturn = null });

        Assert.Equal(StopReason.Diverged, result.Outcome);
        Assert.Contains("training diverged at iteration", result.Failure);
        Assert.All(result.Policy.Values, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void The_saved_policy_reads_back_as_the_trained_one_in_float32()
    {
        TrainingResult result = Trainer.Train(AcrobotEnv.Gymnasium, Acrobot with { MaxIterations = 1 });
        using var temp = new Cli.TempDirectory();
        string path = temp.Combine("policy.safetensors");

        result.SavePolicy(path);

        SafeTensorsFile file = SafeTensorsFile.Read(path);
        Assert.Equal("Acrobot-v1", file.Metadata["env"]);
        Assert.Equal("pt", file.Metadata["format"]);
        Assert.Equal(result.Policy.Values.Select(v => (double)(float)v), PolicyTensors.Read(file).Values);
    }

    [Fact]
    public void A_struct_that_is_no_environment_and_a_setting_out_of_range_are_refused_with_one_line()
    {
        var notEnvironment = Assert.Throws<ArgumentException>(() => Trainer.Train(42L, Acrobot));
        Assert.Contains("is not a struct implementing IDiscreteEnvironment", notEnvironment.Message);

        var badEnvs = Assert.Throws<ArgumentException>(() => Trainer.Train(AcrobotEnv.Gymnasium, Acrobot with { Envs = 0 }));
        Assert.Equal("Envs 0 must be at least 1", badEnvs.Message);
    }

    [Fact]
    public void An_environment_of_the_users_own_is_compiled_into_the_kernels_and_trained()
    {
        TrainingResult result = Trainer.Train(new Corridor(),
            new TrainingSettings { Envs = 64, TargetReturn = -Corridor.Length - 1, MaxIterations = 200, Device = DeviceKind.Cpu });

        Assert.Equal(StopReason.Solved, result.Outcome);
        Assert.Equal("Corridor-v0", result.EnvironmentId);
        Assert.True(result.Iterations[0].MeanReturn < -Corridor.Length - 1);
    }

    [Fact]
    public void A_Box_environment_trains_a_Gaussian_policy()
    {
        TrainingResult result = Trainer.Train(PendulumEnv.Gymnasium, new TrainingSettings { Envs = 32, MaxIterations = 2, Device = DeviceKind.Cpu });

        Assert.Equal(StopReason.IterationLimit, result.Outcome);
        Assert.Equal(PolicyHead.Gaussian, result.Policy.Head);
        Assert.Equal(2, result.Iterations.Count);
    }

    /// <summary>
    /// Not a built-in environment (its kernels are listed nowhere but by itself): walk right to the
    /// end of a corridor; every step costs 1, stepping left from the start stays there.
    /// </summary>
    public struct Corridor : IDiscreteEnvironment<Vector1, Vector1>
    {
        public const int Length = 5;

        public static string Id => "Corridor-v0";
        public static int Actions => 2;
        public static int MaxEpisodeSteps => 50;
        public static int ResetDraws => 0;

        public readonly Vector1 Reset(ulong streamKey) => new(0.0f);

        public readonly Transition<Vector1> Step(Vector1 state, int action)
        {
            var next = new Vector1(MathF.Max(0.0f, state.X0 + (action == 1 ? 1.0f : -1.0f)));
            return new Transition<Vector1>(next, -1.0f, next.X0 >= Length);
        }

        public readonly Vector1 Observe(Vector1 state) => state;
    }

    /// <summary>Reports on the training thread as it runs (Progress&lt;T&gt; would post them to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<IterationReport> report) : IProgress<IterationReport>
    {
        public void Report(IterationReport value) => report(value);
    }
}
