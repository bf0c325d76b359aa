using PolicyGradient.Kernels;
using PolicyGradient.Optimization;
using PolicyGradient.Policy;
using PolicyGradient.Training;

namespace PolicyGradient.Checkpoints;

/// <summary>
/// checkpoint.safetensors: a <see cref="BatchedTrainingState"/> whole, so a resumed run goes on
/// bit for bit. The policy under its PyTorch names and Adam's moments are float64 (the trainer's
/// own precision; float32 would round them and the resumed run would drift); Adam's state is
/// named as torch.optim.Adam names it (exp_avg, exp_avg_sq, step). Episodes draw their
/// randomness from (seed, iteration, env), so progress.iteration is the whole random state.
/// The run's options travel in __metadata__, written by the caller.
/// </summary>
internal static class TrainingCheckpoint
{
    public const string FirstMomentPrefix = "optimizer.exp_avg.";
    public const string SecondMomentPrefix = "optimizer.exp_avg_sq.";
    public const string Step = "optimizer.step";
    /// <summary>Adam's step size, so a checkpoint restores its optimiser by itself (files from before it was kept: the metadata's "lr").</summary>
    public const string LearningRate = "optimizer.lr";
    public const string Iteration = "progress.iteration";
    public const string Episodes = "progress.episodes";
    public const string EnvSteps = "progress.env_steps";
    public const string TrainingSeconds = "progress.training_seconds";
    /// <summary>Present only once the run has solved.</summary>
    public const string SecondsToSolve = "progress.seconds_to_solve";
    public const string LastMeanReturn = "progress.last_mean_return";

    private static readonly string[] Scalars = [Step, LearningRate, Iteration, Episodes, EnvSteps, TrainingSeconds, SecondsToSolve, LastMeanReturn];

    /// <summary>Whether a tensor of this name belongs to a checkpoint beyond the policy itself.</summary>
    public static bool Holds(string name) =>
        Scalars.Contains(name)
        || (name.StartsWith(FirstMomentPrefix, StringComparison.Ordinal) && PolicyTensors.Names.Contains(name[FirstMomentPrefix.Length..]))
        || (name.StartsWith(SecondMomentPrefix, StringComparison.Ordinal) && PolicyTensors.Names.Contains(name[SecondMomentPrefix.Length..]));

    public static SafeTensorsFile ToFile(BatchedTrainingState state, IReadOnlyDictionary<string, string> metadata)
    {
        PolicyLayout layout = state.Policy.Layout;
        var tensors = new List<SafeTensor>();
        tensors.AddRange(PolicyTensors.ToTensors(layout, state.Policy.Values, TensorDType.F64));
        tensors.AddRange(PolicyTensors.ToTensors(layout, state.Optimizer.FirstMoment, TensorDType.F64, FirstMomentPrefix));
        tensors.AddRange(PolicyTensors.ToTensors(layout, state.Optimizer.SecondMoment, TensorDType.F64, SecondMomentPrefix));
        tensors.Add(SafeTensor.ScalarI64(Step, state.Optimizer.Steps));
        tensors.Add(SafeTensor.ScalarF64(LearningRate, state.Optimizer.LearningRate));
        tensors.Add(SafeTensor.ScalarI64(Iteration, state.Iteration));
        tensors.Add(SafeTensor.ScalarI64(Episodes, state.Episodes));
        tensors.Add(SafeTensor.ScalarI64(EnvSteps, state.EnvSteps));
        tensors.Add(SafeTensor.ScalarF64(TrainingSeconds, state.TrainingSeconds));
        if (state.SecondsToSolve is double seconds)
            tensors.Add(SafeTensor.ScalarF64(SecondsToSolve, seconds));
        tensors.Add(SafeTensor.ScalarF64(LastMeanReturn, state.LastMeanReturn));
        return new SafeTensorsFile(tensors, metadata);
    }

    /// <summary>The state a checkpoint holds, its optimiser's step size included.</summary>
    public static BatchedTrainingState ToState(SafeTensorsFile file)
    {
        PolicyParameters policy = PolicyTensors.Read(file);
        var adam = new Adam(policy.Layout.Count, StoredLearningRate(file));
        long steps = file.Tensor(Step).ScalarInt64();
        long iteration = file.Tensor(Iteration).ScalarInt64();
        if (steps < 0 || iteration < 0 || iteration > int.MaxValue)
            throw new InvalidDataException($"{Step} {steps} or {Iteration} {iteration} is out of range");
        double[] secondMoment = PolicyTensors.FromTensors(file, policy.Layout, SecondMomentPrefix);
        if (secondMoment.Any(v => v < 0))
            throw new InvalidDataException($"{SecondMomentPrefix}* holds a negative value: a second moment never is");
        adam.Restore(PolicyTensors.FromTensors(file, policy.Layout, FirstMomentPrefix), secondMoment, steps);
        return new BatchedTrainingState(policy, adam)
        {
            Iteration = (int)iteration,
            Episodes = file.Tensor(Episodes).ScalarInt64(),
            EnvSteps = file.Tensor(EnvSteps).ScalarInt64(),
            TrainingSeconds = file.Tensor(TrainingSeconds).ScalarFloat64(),
            SecondsToSolve = file.Tensors.ContainsKey(SecondsToSolve) ? file.Tensor(SecondsToSolve).ScalarFloat64() : null,
            LastMeanReturn = file.Tensor(LastMeanReturn).ScalarFloat64(),
        };
    }

    /// <summary>Whether a file is a checkpoint rather than a bare policy.</summary>
    public static bool IsCheckpoint(SafeTensorsFile file) => file.Tensors.ContainsKey(Step);

    private static double StoredLearningRate(SafeTensorsFile file)
    {
        double lr = file.Tensors.ContainsKey(LearningRate) ? file.Tensor(LearningRate).ScalarFloat64()
            : file.Metadata.TryGetValue("lr", out string? text) && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double parsed) ? parsed
            : throw new InvalidDataException($"it holds no {LearningRate} and no lr in its metadata: Adam's step size is unknown");
        if (!double.IsFinite(lr) || lr <= 0)
            throw new InvalidDataException($"its learning rate {lr} is not a positive number");
        return lr;
    }
}
