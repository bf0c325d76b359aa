using Google.Protobuf;
using PolicyGradient.Checkpoints;
using PolicyGradient.Environment;
using PolicyGradient.Reporting.Export.Onnx;
using PolicyGradient.Kernels;
using PolicyGradient.Output;
using PolicyGradient.Policy;

namespace PolicyGradient.Reporting.Export;

/// <summary>
/// The policy as an ONNX model, its PyTorch module's forward: obs [batch, D] -> Gemm(fc1) -> Relu
/// -> Gemm(fc2). A categorical policy's fc2 gives logits [batch, N], and Softmax of them probs
/// [batch, N]. A Gaussian policy's fc2 gives mean [batch, A]; its log_std [A] is the log_std
/// initializer itself (an output of the graph, not of a node, so it keeps its PyTorch name), and
/// action [batch, A] is the mean clipped to the environment's Box (Max with action_low, then Min
/// with action_high): the deterministic action the environment would play. Gemm with transB = 1
/// computes x W^T + b as nn.Linear does, so the weights keep PyTorch's [out, in] shapes and names
/// (fc1.weight, ..., log_std) as float32 initializers.
/// </summary>
public static class OnnxPolicyModel
{
    /// <summary>The model's input: float32 observations [batch, D].</summary>
    public const string ObservationInput = "obs";

    /// <summary>The model's first output: float32 logits [batch, N], the greedy action's the largest.</summary>
    public const string LogitsOutput = "logits";

    /// <summary>The model's second output: float32 action probabilities [batch, N] (softmax of the logits).</summary>
    public const string ProbabilitiesOutput = "probs";

    internal const string MeanOutput = "mean";
    internal const string LogStdOutput = PolicyTensors.LogStd;
    internal const string ActionOutput = "action";
    internal const string ActionLow = "action_low";
    internal const string ActionHigh = "action_high";
    internal const string BatchDimension = "batch";
    internal const string ProducerName = "pgvec";

    /// <summary>ONNX 1.12's IR version and operator set (2022): what PyTorch exports by default and every ONNX Runtime since 1.12 reads.</summary>
    internal const long IrVersion = 8;
    internal const long OpsetVersion = 17;

    private const string HiddenValue = "fc1.relu";
    private const string RaisedMean = "mean.max_low";

    /// <param name="environmentId">
    /// The environment the policy was trained on, named in the model's description; a Gaussian
    /// policy's action is clipped to that environment's Box (Gymnasium's registry entry).
    /// </param>
    /// <param name="metadata">Stored as metadata_props, ordered by key so the same input always gives the same bytes.</param>
    /// <param name="environmentId">The environment the policy was trained on, named in the model's description.</param>
    internal static ModelProto Build(PolicyParameters policy, string environmentId, IReadOnlyDictionary<string, string> metadata, string producerVersion)
    {
        PolicyLayout layout = policy.Layout;
        var graph = new GraphProto { Name = "pgvec_policy" };
        foreach (SafeTensor tensor in PolicyTensors.ToTensors(layout, policy.Values, TensorDType.F32))
            graph.Initializer.Add(Initializer(tensor));
        graph.Node.Add(Gemm("fc1", ObservationInput, "fc1.linear"));
        graph.Node.Add(new NodeProto { Name = "relu", OpType = "Relu", Input = { "fc1.linear" }, Output = { HiddenValue } });
        graph.Input.Add(BatchOfVectors(ObservationInput, layout.Inputs));
        string outputs = layout.Head == PolicyHead.Gaussian
            ? AddGaussianOutputs(graph, layout, BoxOf(environmentId, layout))
            : AddCategoricalOutputs(graph, layout);

        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = ProducerName,
            ProducerVersion = producerVersion,
            DocString = $"{environmentId} policy, {layout} MLP: obs [batch, {layout.Inputs}] -> {outputs}",
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

    /// <summary>The outputs a <paramref name="layout"/> policy's model has, as the description and export's line name them.</summary>
    internal static string OutputsText(PolicyLayout layout) => layout.Head == PolicyHead.Gaussian
        ? $"outputs {MeanOutput} float [{BatchDimension}, {layout.Actions}], {LogStdOutput} float [{layout.Actions}] and {ActionOutput} float [{BatchDimension}, {layout.Actions}] (the mean clipped to the Box)"
        : $"outputs {LogitsOutput} and {ProbabilitiesOutput} float [{BatchDimension}, {layout.Actions}]";

    /// <summary>fc2 = logits, Softmax(axis -1) = probs; returns the description of the outputs.</summary>
    private static string AddCategoricalOutputs(GraphProto graph, PolicyLayout layout)
    {
        graph.Node.Add(Gemm("fc2", HiddenValue, LogitsOutput));
        graph.Node.Add(new NodeProto
        {
            Name = "softmax",
            OpType = "Softmax",
            Input = { LogitsOutput },
            Output = { ProbabilitiesOutput },
            Attribute = { IntAttribute("axis", -1) },
        });
        graph.Output.Add(BatchOfVectors(LogitsOutput, layout.Actions));
        graph.Output.Add(BatchOfVectors(ProbabilitiesOutput, layout.Actions));
        return $"logits and probs [batch, {layout.Actions}] (softmax over the actions)";
    }

    /// <summary>fc2 = mean, the log_std initializer as it is, min(max(mean, low), high) = action; returns the description of the outputs.</summary>
    private static string AddGaussianOutputs(GraphProto graph, PolicyLayout layout, BoxActions box)
    {
        graph.Initializer.Add(Initializer(SafeTensor.F32(ActionLow, [layout.Actions], [.. box.Low.Select(v => (double)v)])));
        graph.Initializer.Add(Initializer(SafeTensor.F32(ActionHigh, [layout.Actions], [.. box.High.Select(v => (double)v)])));
        graph.Node.Add(Gemm("fc2", HiddenValue, MeanOutput));
        graph.Node.Add(new NodeProto { Name = "clip_low", OpType = "Max", Input = { MeanOutput, ActionLow }, Output = { RaisedMean } });
        graph.Node.Add(new NodeProto { Name = "clip_high", OpType = "Min", Input = { RaisedMean, ActionHigh }, Output = { ActionOutput } });
        graph.Output.Add(BatchOfVectors(MeanOutput, layout.Actions));
        graph.Output.Add(Vector(LogStdOutput, layout.Actions));
        graph.Output.Add(BatchOfVectors(ActionOutput, layout.Actions));
        return $"mean [batch, {layout.Actions}] of a diagonal Gaussian, its state-independent log_std [{layout.Actions}] (standard deviation exp(log_std)), " +
               $"and action [batch, {layout.Actions}] = the mean clipped to the Box {box.BoundsText} (the deterministic action; the environment clips what it is given alike)";
    }

    /// <summary>The Box the environment's registry entry declares, which must have the policy's action dimensions.</summary>
    private static BoxActions BoxOf(string environmentId, PolicyLayout layout)
    {
        if (ReferenceEnvironments.Spec(environmentId).Actions is not BoxActions box || box.Dimensions != layout.Actions)
            throw new ArgumentException($"a {layout} policy needs a {layout.Actions}-dimensional Box: {environmentId}'s actions are not one", nameof(environmentId));
        return box;
    }

    /// <summary>A float32 safetensors tensor as an initializer: the same name, shape and bytes.</summary>
    private static TensorProto Initializer(SafeTensor tensor) => new()
    {
        Name = tensor.Name,
        Dims = { tensor.Shape },
        DataType = (int)TensorProto.Types.DataType.Float,
        RawData = ByteString.CopyFrom(tensor.Data),
    };

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
    private static ValueInfoProto BatchOfVectors(string name, int width) =>
        FloatTensor(name, new TensorShapeProto.Types.Dimension { DimParam = BatchDimension }, new TensorShapeProto.Types.Dimension { DimValue = width });

    /// <summary>A float32 [width] tensor.</summary>
    private static ValueInfoProto Vector(string name, int width) => FloatTensor(name, new TensorShapeProto.Types.Dimension { DimValue = width });

    private static ValueInfoProto FloatTensor(string name, params TensorShapeProto.Types.Dimension[] dimensions) => new()
    {
        Name = name,
        Type = new TypeProto
        {
            TensorType = new TypeProto.Types.Tensor
            {
                ElemType = (int)TensorProto.Types.DataType.Float,
                Shape = new TensorShapeProto { Dim = { dimensions } },
            },
        },
    };
}
