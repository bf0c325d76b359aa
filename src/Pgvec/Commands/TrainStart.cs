using System.Globalization;
using Pgvec.CommandLine;
using Pgvec.Options;
using PolicyGradient.Checkpoints;
using PolicyGradient.Environment;
using PolicyGradient.Policy;
using PolicyGradient.Training;

namespace Pgvec.Commands;

/// <summary>
/// Where a train run starts, settled before anything runs: fresh, from the weights of --init-from,
/// or from --resume's checkpoint with the options stored there. Bad input is a usage error here.
/// </summary>
internal static class TrainStart
{
    /// <summary>
    /// What a resumed run may change: where and how long it runs. Every other option is the
    /// run's own (seed, network, objective, ...) and comes from the checkpoint; given again, it
    /// must equal the stored value.
    /// </summary>
    public static readonly IReadOnlyList<string> ChangeableOnResume = ["device", "max-iterations", "max-seconds", "max-env-steps", "checkpoint-every", "eval-every", EnvironmentChoice.AssemblyOption];

    public static ICommand Prepare(TrainOptions options, ArgumentScan scan)
    {
        if (options.Resume is not null)
            return Resume(options, scan);
        PolicyParameters? initial = options.InitFrom is null ? null : InitialPolicy(options, scan);
        if (initial is null)
        {
            options.Environment = EnvironmentChoice.Of(options.Env, options.EnvAssembly, envGiven: scan.RawValues.ContainsKey(EnvironmentChoice.Option));
            options.EnvAssembly = EnvironmentChoice.FullPath(options.EnvAssembly);
        }
        ObjectiveFit.Require(options.Environment, [EnumNames.Parse<Objective>(options.Objective)]);
        return new TrainCommand(options, RunDirectory.ForNewRun(options.VerbName, options.Out, options.Overwrite), initial, resumed: null);
    }

    private static PolicyParameters InitialPolicy(TrainOptions options, ArgumentScan scan)
    {
        var (policy, metadata) = SafeTensorsInput.Read("init-from", options.InitFrom!, file => (PolicyTensors.Read(file), file.Metadata));
        string what = $"--init-from {options.InitFrom}";
        EnvironmentDefinition trainedOn = StoredEnvironment.Of(metadata, what, options.EnvAssembly);
        // Like --hidden: the file decides, and a different --env given with it is refused, not reinterpreted.
        if (scan.RawValues.ContainsKey(EnvironmentChoice.Option) && options.Env != trainedOn.Id && options.Env != trainedOn.Device.EnvironmentType.Name)
            throw new UsageException($"--env {options.Env} does not match {what}, whose policy was trained on {trainedOn.Id} (metadata env; none means CartPole-v1): leave --env out or give {trainedOn.Id}");
        options.Environment = trainedOn;
        options.EnvAssembly = trainedOn.Assembly is null ? null : EnvironmentChoice.FullPath(options.EnvAssembly ?? metadata[EnvironmentChoice.AssemblyOption]);
        StoredEnvironment.RequireFits(trainedOn, policy.Layout, what);
        int hidden = policy.Hidden;
        OptionSpec hiddenOption = VerbSpec.Named("train")!.Option("hidden")!;
        if (!hiddenOption.Rule.Accepts(hidden))
            throw new UsageException($"{what} has a {policy.Layout.Inputs}-{hidden}-{policy.Layout.Actions} policy: its hidden size must be {hiddenOption.Rule.Allowed}");
        if (scan.RawValues.ContainsKey("hidden") && options.Hidden != hidden)
            throw new UsageException($"--hidden {options.Hidden} does not match --init-from {options.InitFrom}, whose policy has {hidden} hidden units: leave --hidden out or give {hidden}");
        options.Hidden = hidden;
        return policy;
    }

    /// <summary>The options completed with the ones stored in the checkpoint, and its state; or nothing to do for a run that ended.</summary>
    private static ICommand Resume(TrainOptions options, ArgumentScan scan)
    {
        string resume = options.Resume!;
        foreach (string excluded in new[] { "out", "init-from" })
        {
            if (scan.RawValues.ContainsKey(excluded))
                throw new UsageException($"--{excluded} cannot be given with --resume: the run continues in {resume} from its own checkpoint");
        }
        if (File.Exists(resume))
            throw new UsageException($"--resume {resume} is a file: must be a run directory holding {RunCheckpoints.CheckpointFile}");
        if (!Directory.Exists(resume))
            throw new UsageException($"--resume {resume}: no such directory (must be a run directory holding {RunCheckpoints.CheckpointFile})");
        string path = Path.Combine(resume, RunCheckpoints.CheckpointFile);
        if (!File.Exists(path))
            throw new UsageException($"--resume {resume}: there is no {RunCheckpoints.CheckpointFile} in it (a batched run writes one at its end)");

        VerbSpec verb = VerbSpec.Named("train")!;
        var (stored, state, metadata) = SafeTensorsInput.Read("resume", path, file =>
        {
            if (!TrainingCheckpoint.IsCheckpoint(file))
                throw new InvalidDataException($"it has no {TrainingCheckpoint.Step}: a policy, not a checkpoint");
            TrainOptions stored = StoredOptions(verb, file.Metadata);
            BatchedTrainingState state = TrainingCheckpoint.ToState(file);
            if (state.Policy.Hidden != stored.Hidden)
                throw new InvalidDataException($"its policy has {state.Policy.Hidden} hidden units but its options say --hidden {stored.Hidden}");
            return (stored, state, file.Metadata);
        });
        // Before any stored option is read: the defaults of some (--envs, --lr, --target-return) are the environment's.
        EnvironmentDefinition environment = StoredEnvironment.Of(metadata, $"the run in {resume}",
            scan.RawValues.ContainsKey(EnvironmentChoice.AssemblyOption) ? options.EnvAssembly : null);
        stored.Environment = environment;
        foreach (OptionSpec option in CheckpointMetadata.Stored(verb))
        {
            bool given = scan.RawValues.TryGetValue(option.LongName, out string? raw);
            if (!given)
                option.Property.SetValue(options, option.Property.GetValue(stored));
            else if (!ChangeableOnResume.Contains(option.LongName) && !Equals(option.Property.GetValue(options), option.Property.GetValue(stored)))
                throw new UsageException(
                    $"--{option.LongName} {raw} conflicts with the run in {resume}, which has --{option.LongName} {CheckpointMetadata.Text(option.Property.GetValue(stored)!)}: " +
                    $"with --resume only {string.Join(", ", ChangeableOnResume.Select(o => "--" + o))} may change");
        }
        options.Environment = environment;
        options.EnvAssembly = environment.Assembly is null ? null : EnvironmentChoice.FullPath(options.EnvAssembly);
        if (Ended(options, state) is { } why)
            return new NothingToDo($"the run in {resume} {why}: nothing to do");
        options.Out = resume;
        return new TrainCommand(options, RunDirectory.ForResumedRun(resume), initial: null, state);
    }

    /// <summary>Why a resumed run would stop before its first iteration; null if it goes on.</summary>
    private static string? Ended(TrainOptions options, BatchedTrainingState state) =>
        state.Solved ? string.Create(CultureInfo.InvariantCulture, $"is solved already (after {Plural.Of(state.Iteration, "iteration")}, {state.SecondsToSolve:F2} s)")
        : state.Iteration >= options.MaxIterations ? $"has used its --max-iterations {options.MaxIterations} ({Plural.Of(state.Iteration, "iteration")} done; give a larger --max-iterations to go on)"
        : state.EnvSteps >= (options.MaxEnvSteps ?? long.MaxValue) ? $"has used its --max-env-steps {options.MaxEnvSteps} ({state.EnvSteps:N0} env-steps done; give a larger --max-env-steps to go on)"
        : state.TrainingSeconds >= options.MaxSeconds ? string.Create(CultureInfo.InvariantCulture, $"has used its --max-seconds {options.MaxSeconds:G} ({state.TrainingSeconds:F1} s done; give a larger --max-seconds to go on)")
        : null;

    /// <summary>The run's options as stored in the checkpoint, through the same parser and rules.</summary>
    private static TrainOptions StoredOptions(VerbSpec verb, IReadOnlyDictionary<string, string> metadata)
    {
        try
        {
            return (TrainOptions)CommandLineParsing.ParseOptions([verb.Name, .. CheckpointMetadata.Arguments(verb, metadata)]);
        }
        catch (UsageException e)
        {
            throw new InvalidDataException($"its stored options are not valid ({e.Message})");
        }
    }
}
