using PolicyGradient.Environment;
using Pgvec.CommandLine;
using Pgvec.Options;
using PolicyGradient.Checkpoints;
using PolicyGradient.Reporting.Export;
using PolicyGradient.Output;
using PolicyGradient.Policy;

namespace Pgvec.Commands;

/// <summary>`pgvec export`: a saved policy as an ONNX model, with the run's configuration inside.</summary>
internal sealed class ExportRun : ICommand
{
    private readonly ExportOptions _options;
    private readonly PolicyParameters _policy;
    /// <summary>The checkpoint's __metadata__ (the run's options and pgvec version), kept in the model.</summary>
    private readonly IReadOnlyDictionary<string, string> _metadata;
    private readonly OutputFile _model;

    /// <summary>The id the model is described with.</summary>
    private readonly string _environment;

    private ExportRun(ExportOptions options, PolicyParameters policy, string environment, IReadOnlyDictionary<string, string> metadata, OutputFile model)
    {
        _environment = environment;
        _options = options;
        _policy = policy;
        _metadata = metadata;
        _model = model;
    }

    /// <summary>The checkpoint read and the model's path checked before anything is written.</summary>
    public static ExportRun Prepare(ExportOptions options)
    {
        OutputFile model = OutputFile.Named("onnx", options.Onnx, options.Overwrite);
        if (!options.Onnx.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase))
            throw new UsageException($"--onnx {options.Onnx} is not an .onnx name: export writes an ONNX model, so the file must end in .onnx");
        var (policy, metadata) = SafeTensorsInput.Read("checkpoint", options.Checkpoint, file => (PolicyTensors.Read(file), file.Metadata));
        // A user's environment needs no loading here: its policy's shape is its own, and the model names its id (its assembly's identity stays in the metadata).
        if (StoredEnvironment.AssemblyOf(metadata) is not null)
            return new ExportRun(options, policy, StoredEnvironment.IdOf(metadata), metadata, model);
        EnvironmentDefinition trainedOn = StoredEnvironment.Of(metadata, $"--checkpoint {options.Checkpoint}");
        StoredEnvironment.RequireFits(trainedOn, policy.Layout, $"--checkpoint {options.Checkpoint}");
        return new ExportRun(options, policy, trainedOn.Id, metadata, model);
    }

    public int Execute(TextWriter stdout, TextWriter stderr)
    {
        string path = _model.Claim();
        OnnxPolicyModel.Save(path, _policy, _environment, _metadata);
        var layout = _policy.Layout;
        stdout.WriteLine($"export: the {layout} policy of {_options.Checkpoint} as ONNX (IR version {OnnxPolicyModel.IrVersion}, opset {OnnxPolicyModel.OpsetVersion}): " +
                         $"input {OnnxPolicyModel.ObservationInput} float [{OnnxPolicyModel.BatchDimension}, {layout.Inputs}], {OnnxPolicyModel.OutputsText(layout)}");
        stdout.WriteLine(path);
        return ExitCodes.Completed;
    }
}
