using Google.Protobuf;
using PolicyGradient.Checkpoints;
using PolicyGradient.Reporting.Export.Onnx;
using PolicyGradient.Kernels;
using PolicyGradient.Output;
using PolicyGradient.Policy;

namespace PolicyGradient.Reporting.Export;

/// <summary>
/// The policy as an ONNX model, the tutorial's forward: obs [batch, 4] -> Gemm(fc1) -> Relu ->
/// Gemm(fc2) = logits [batch, 2] -> Softmax = probs [batch, 2]. Gemm with transB = 1 computes
/// x W^T + b as nn.Linear does, so the weights keep PyTorch's [out, in] shapes and names
/// (fc1.weight, ...) as float32 initializers.
/// </summary>
internal static class OnnxPolicyModel
{
    public const string ObservationInput = "obs";
    public const string LogitsOutput = "logits";
    public const string ProbabilitiesOutput = "probs";
    public const string BatchDimension = "batch";
    public const string ProducerName = "pgvec";

    /// <summary>ONNX 1.12's IR version and operator set (2022): what PyTorch exports by default and every ONNX Runtime since 1.12 reads.</summary>
    public const long IrVersion = 8;
    public const long OpsetVersion = 17;

    private const string HiddenValue = "fc1.relu";

    /// <param name="metadata">Stored as metadata_props, ordered by key so the same input always gives the same bytes.</param>
    /// <param name="environmentId">The environment the policy was trained on, named in the model's description.</param>
    public static ModelProto Build(PolicyParameters policy, string environmentId, IReadOnlyDictionary<string, string> metadata, string producerVersion)
    {
        var graph = new GraphProto { Name = "pgvec_policy" };
        foreach (SafeTensor tensor in PolicyTensors.ToTensors(policy.Layout, policy.Values, TensorDType.F32))
            graph.Initializer.Add(new TensorProto
            {
                Name = tensor.Name,
                Dims = { tensor.Shape },
                DataType = (int)TensorProto.Types.DataType.Float,
                RawData = ByteString.CopyFrom(tensor.Data),
            });
        graph.Node.Add(Gemm("fc1", ObservationInput, "fc1.linear"));
        graph.Node.Add(new NodeProto { Name = "relu", OpType = "Relu", Input = { "fc1.linear" }, Output = { HiddenValue } });
        graph.Node.Add(Gemm("fc2", HiddenValue, LogitsOutput));
        graph.Node.Add(new NodeProto
        {
            Name = "softmax",
            OpType = "Softmax",
            Input = { LogitsOutput },
            Output = { ProbabilitiesOutput },
            Attribute = { IntAttribute("axis", -1) },
        });
        PolicyLayout layout = policy.Layout;
        graph.Input.Add(BatchOfVectors(ObservationInput, layout.Inputs));
        graph.Output.Add(BatchOfVectors(LogitsOutput, layout.Actions));
        graph.Output.Add(BatchOfVectors(ProbabilitiesOutput, layout.Actions));

        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = ProducerName,
            ProducerVersion = producerVersion,
            DocString = $"{environmentId} policy, {layout} MLP: obs [batch, {layout.Inputs}] -> logits and probs [batch, {layout.Actions}] (softmax over the actions)",
            Graph = graph,
            OpsetImport = { new OperatorSetIdProto { Domain = "", Version = OpsetVersion } },
        };
        foreach (var (key, value) in metadata.OrderBy(p => p.Key, StringComparer.Ordinal))
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        return model;
    }

    public static void Write(string path, ModelProto model) => AtomicFile.WriteAllBytes(path, model.ToByteArray());

    /// <summary>The hidden size a model's fc1.bias initializer declares; null if it has none of shape [H].</summary>
    public static int? HiddenSize(ModelProto model) =>
        model.Graph?.Initializer.FirstOrDefault(t => t.Name == PolicyTensors.Fc1Bias) is { Dims: [var hidden] } && hidden is >= 1 and <= int.MaxValue
            ? (int)hidden
            : null;

    /// <summary>input @ layer.weight^T + layer.bias.</summary>
    private static NodeProto Gemm(string layer, string input, string output) => new()
    {
        Name = layer,
        OpType = "Gemm",
        Input = { input, $"{layer}.weight", $"{layer}.bias" },
        Output = { output },
        Attribute = { IntAttribute("transB", 1) },
    };

    private static AttributeProto IntAttribute(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    /// <summary>A float32 [batch, width] tensor whose batch size is given at run time.</summary>
    private static ValueInfoProto BatchOfVectors(string name, int width) => new()
    {
        Name = name,
        Type = new TypeProto
        {
            TensorType = new TypeProto.Types.Tensor
            {
                ElemType = (int)TensorProto.Types.DataType.Float,
                Shape = new TensorShapeProto
                {
                    Dim =
                    {
                        new TensorShapeProto.Types.Dimension { DimParam = BatchDimension },
                        new TensorShapeProto.Types.Dimension { DimValue = width },
                    },
                },
            },
        },
    };
}
