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
public static class OnnxPolicyModel
{
    /// <summary>The model's input: float32 observations [batch, D].</summary>
    public const string ObservationInput = "obs";

    /// <summary>The model's first output: float32 logits [batch, N], the greedy action's the largest.</summary>
    public const string LogitsOutput = "logits";

    /// <summary>The model's second output: float32 action probabilities [batch, N] (softmax of the logits).</summary>
    public const string ProbabilitiesOutput = "probs";

    internal const string BatchDimension = "batch";
    internal const string ProducerName = "pgvec";

    /// <summary>ONNX 1.12's IR version and operator set (2022): what PyTorch exports by default and every ONNX Runtime since 1.12 reads.</summary>
    internal const long IrVersion = 8;
    internal const long OpsetVersion = 17;

    private const string HiddenValue = "fc1.relu";

    /// <param name="metadata">Stored as metadata_props, ordered by key so the same input always gives the same bytes.</param>
    /// <param name="environmentId">The environment the policy was trained on, named in the model's description.</param>
    internal static ModelProto Build(PolicyParameters policy, string environmentId, IReadOnlyDictionary<string, string> metadata, string producerVersion)
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

    /// <summary>
    /// Writes <paramref name="policy"/> (e.g. a <see cref="Training.TrainingResult"/>'s) as an ONNX
    /// model that runs without pgvec or PyTorch: in ONNX Runtime, in Python, on an edge device.
    /// </summary>
    /// <param name="environmentId">The environment it was trained on, named in the model's description.</param>
    /// <param name="metadata">Kept as the model's metadata_props (e.g. the run's options); none if null.</param>
    public static void Save(string path, PolicyParameters policy, string environmentId, IReadOnlyDictionary<string, string>? metadata = null) =>
        AtomicFile.WriteAllBytes(path, Build(policy, environmentId, metadata ?? new Dictionary<string, string>(), PgvecVersion.Text).ToByteArray());

    /// <summary>The hidden size a model's fc1.bias initializer declares; null if it has none of shape [H].</summary>
    internal static int? HiddenSize(ModelProto model) =>
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
