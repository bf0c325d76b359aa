using Pgvec.Options;
using PolicyGradient.Export;
using PolicyGradient.Export.Onnx;

namespace Pgvec.Commands;

/// <summary>`pgvec export`: a saved policy as an ONNX model, with the run's configuration inside.</summary>
public static class ExportRun
{
    public static ModelProto Run(ExportOptions options, TextWriter stdout)
    {
        ModelProto model = OnnxPolicyModel.Build(options.Policy!, options.Metadata, CheckpointMetadata.Version);
        OnnxPolicyModel.Write(options.Onnx, model);
        stdout.WriteLine($"export: the 4-{options.Policy!.Hidden}-2 policy of {options.Checkpoint} as ONNX (IR version {OnnxPolicyModel.IrVersion}, opset {OnnxPolicyModel.OpsetVersion}): " +
                         $"input {OnnxPolicyModel.ObservationInput} float [{OnnxPolicyModel.BatchDimension}, 4], outputs {OnnxPolicyModel.LogitsOutput} and {OnnxPolicyModel.ProbabilitiesOutput} float [{OnnxPolicyModel.BatchDimension}, 2]");
        stdout.WriteLine(options.Onnx);
        return model;
    }
}
