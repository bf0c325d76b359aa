using System.Globalization;
using CommandLine;
using Pgvec.Commands;
using Pgvec.CommandLine;
using PolicyGradient.Checkpoints;
using PolicyGradient.Policy;
using PolicyGradient.Training;

namespace Pgvec.Options;

[Verb("train", isDefault: true, HelpText = "Batched training: every iteration runs --envs episodes in parallel on the device.")]
public class TrainOptions : BatchedOptions, ICheckedOptions
{
    /// <summary>
    /// What a resumed run may change: where and how long it runs. Every other option is the
    /// run's own (seed, network, objective, ...) and comes from the checkpoint; given again, it
    /// must equal the stored value.
    /// </summary>
    public static readonly IReadOnlyList<string> ChangeableOnResume = ["device", "max-iterations", "max-seconds", "checkpoint-every"];

    [Option("checkpoint-every", HelpText = "(Default: only at the end) Also write checkpoint.safetensors and policy.safetensors every N iterations.")]
    [IntegerRange(1, int.MaxValue)]
    public int? CheckpointEvery { get; set; }

    [Option("resume", HelpText = "(Default: none) Continue the run in DIR from its checkpoint.safetensors, into DIR, with the options stored there; only the device, the budgets (counted from the run's start) and the checkpoint interval may be given anew.")]
    [NonEmpty("a run directory holding checkpoint.safetensors")]
    public string? Resume { get; set; }

    [Option("init-from", HelpText = "(Default: none) Start from the weights in this policy.safetensors or checkpoint.safetensors (e.g. saved from PyTorch); --hidden comes from the file.")]
    [NonEmpty("a .safetensors file")]
    public string? InitFrom { get; set; }

    /// <summary>The state read from --resume's checkpoint.</summary>
    public BatchedTrainingState? ResumedState { get; private set; }

    /// <summary>The policy read from --init-from.</summary>
    public PolicyParameters? InitialPolicy { get; private set; }

    protected override bool ContinuesExistingRun => Resume is not null;

    public ICommand Check(ArgumentScan scan)
    {
        if (Resume is not null)
            return CompleteFromCheckpoint(scan);
        if (InitFrom is not null)
            LoadInitialPolicy(scan);
        return this;
    }

    protected override void Run(string directory, RunOptions run, TextWriter stdout, TextWriter stderr)
    {
        var metadata = CheckpointMetadata.Of(VerbSpec.Named("train")!, this);
        if (ResumedState is { } state)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"pgvec: resuming {directory} after iteration {state.Iteration} ({state.EnvSteps:N0} env-steps, {state.TrainingSeconds:F2} s of training)"));
        }
        if (InitialPolicy is not null)
        {
            metadata[CheckpointMetadata.InitFromKey] = InitFrom!;
            stderr.WriteLine($"pgvec: starting from the 4-{InitialPolicy.Hidden}-2 policy in {InitFrom}");
        }
        var checkpoints = new RunCheckpoints(directory, metadata, CheckpointEvery, ResumedState, InitialPolicy);
        BatchedRun.Run(DeviceKind, StrictDevice, Envs, Training(MaxIterations), directory, run, stdout, stderr, checkpoints);
    }

    private void LoadInitialPolicy(ArgumentScan scan)
    {
        InitialPolicy = SafeTensorsInput.Read("init-from", InitFrom!, PolicyTensors.Read);
        int hidden = InitialPolicy.Hidden;
        OptionSpec hiddenOption = VerbSpec.Named("train")!.Option("hidden")!;
        if (!hiddenOption.Rule.Accepts(hidden))
            throw new UsageException($"--init-from {InitFrom} has a 4-{hidden}-2 policy: its hidden size must be {hiddenOption.Rule.Allowed}");
        if (scan.RawValues.ContainsKey("hidden") && Hidden != hidden)
            throw new UsageException($"--hidden {Hidden} does not match --init-from {InitFrom}, whose policy has {hidden} hidden units: leave --hidden out or give {hidden}");
        Hidden = hidden;
    }

    /// <summary>These options, completed with the ones stored in the checkpoint, and its state.</summary>
    private TrainOptions CompleteFromCheckpoint(ArgumentScan scan)
    {
        foreach (string excluded in new[] { "out", "init-from" })
        {
            if (scan.RawValues.ContainsKey(excluded))
                throw new UsageException($"--{excluded} cannot be given with --resume: the run continues in {Resume} from its own checkpoint");
        }
        string path = Path.Combine(Resume!, RunCheckpoints.CheckpointFile);
        if (!File.Exists(path))
            throw new UsageException($"--resume {Resume}: there is no {RunCheckpoints.CheckpointFile} in it (a batched run writes one at its end)");

        VerbSpec verb = VerbSpec.Named("train")!;
        var (stored, state) = SafeTensorsInput.Read("resume", path, file =>
        {
            if (!TrainingCheckpoint.IsCheckpoint(file))
                throw new InvalidDataException($"it has no {TrainingCheckpoint.Step}: a policy, not a checkpoint");
            TrainOptions stored = StoredOptions(verb, file.Metadata);
            BatchedTrainingState state = TrainingCheckpoint.ToState(file, stored.LearningRate);
            if (state.Policy.Hidden != stored.Hidden)
                throw new InvalidDataException($"its policy has {state.Policy.Hidden} hidden units but its options say --hidden {stored.Hidden}");
            return (stored, state);
        });
        foreach (OptionSpec option in CheckpointMetadata.Stored(verb))
        {
            bool given = scan.RawValues.TryGetValue(option.LongName, out string? raw);
            if (!given)
                option.Property.SetValue(this, option.Property.GetValue(stored));
            else if (!ChangeableOnResume.Contains(option.LongName) && !Equals(option.Property.GetValue(this), option.Property.GetValue(stored)))
                throw new UsageException(
                    $"--{option.LongName} {raw} conflicts with the run in {Resume}, which has --{option.LongName} {CheckpointMetadata.Text(option.Property.GetValue(stored)!)}: " +
                    $"with --resume only {string.Join(", ", ChangeableOnResume.Select(o => "--" + o))} may change");
        }
        ResumedState = state;
        Out = Resume;
        return this;
    }

    /// <summary>The run's options as stored in the checkpoint, through the same parser and rules.</summary>
    private static TrainOptions StoredOptions(VerbSpec verb, IReadOnlyDictionary<string, string> metadata)
    {
        try
        {
            return (TrainOptions)CommandLineParsing.Parse([verb.Name, .. CheckpointMetadata.Arguments(verb, metadata)]);
        }
        catch (UsageException e)
        {
            throw new InvalidDataException($"its stored options are not valid ({e.Message})");
        }
    }
}
