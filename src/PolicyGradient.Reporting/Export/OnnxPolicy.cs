using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using PolicyGradient.Reporting.Export.Onnx;
using PolicyGradient.Kernels;
using PolicyGradient.Policy;

namespace PolicyGradient.Reporting.Export;

/// <summary>
/// An ONNX model with an interface pgvec exports, played through ONNX Runtime on the CPU: input
/// obs float [batch, D], and either output logits float [batch, N] (a categorical policy) or
/// outputs mean float [batch, A] and log_std float [A] (a Gaussian one; told apart by these
/// outputs). One observation per run, on one thread, through buffers bound once, so the same
/// model and episodes always give the same actions.
/// </summary>
internal sealed class OnnxPolicy : IPolicyNetwork, IDisposable
{
    /// <summary>Far above any policy pgvec exports (a 4-1024-2 model is under 30 KB).</summary>
    public const long MaxFileBytes = 64L << 20;

    private static readonly string[] InputNames = [OnnxPolicyModel.ObservationInput];

    private readonly InferenceSession _session;
    private readonly string[] _outputNames;
    private readonly float[] _observation;
    private readonly float[] _outputs;
    /// <summary>A Gaussian model's log_std, read once at load; empty for a categorical one.</summary>
    private readonly float[] _logStd;
    private readonly OrtValue[] _inputValues;
    private readonly OrtValue[] _outputValues;
    private readonly RunOptions _runOptions = new();

    private OnnxPolicy(InferenceSession session, int? hidden)
    {
        _session = session;
        Hidden = hidden;
        (Head, Observations, Actions) = RequireInterface(session);
        _outputNames = [Head == PolicyHead.Gaussian ? OnnxPolicyModel.MeanOutput : OnnxPolicyModel.LogitsOutput];
        _observation = new float[Observations];
        _outputs = new float[Actions];
        _inputValues = [OrtValue.CreateTensorValueFromMemory(_observation, [1, Observations])];
        _outputValues = [OrtValue.CreateTensorValueFromMemory(_outputs, [1, Actions])];
        _logStd = Head == PolicyHead.Gaussian ? ReadLogStd() : [];
    }

    /// <summary>Categorical (output logits) or Gaussian (outputs mean and log_std).</summary>
    public PolicyHead Head { get; }

    /// <summary>D: the width of its input obs.</summary>
    public int Observations { get; }

    /// <summary>N or A: the width of its output logits or mean.</summary>
    public int Actions { get; }

    /// <summary>The hidden size its fc1.bias initializer declares; null for a model that has none.</summary>
    public int? Hidden { get; }

    /// <summary>
    /// Loads a model; a missing file is a <see cref="FileNotFoundException"/>, a file ONNX Runtime
    /// refuses or whose inputs and outputs are not pgvec's an <see cref="InvalidDataException"/>.
    /// </summary>
    public static OnnxPolicy Load(string path)
    {
        byte[] bytes;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read))
        {
            if (stream.Length > MaxFileBytes)
                throw new InvalidDataException($"it is {stream.Length} bytes, more than the {MaxFileBytes} a policy model may have");
            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
        }
        return Load(bytes);
    }

    /// <summary>A model's bytes; one ONNX Runtime refuses or whose interface is not pgvec's is an <see cref="InvalidDataException"/>.</summary>
    public static OnnxPolicy Load(byte[] bytes)
    {
        InferenceSession session;
        // Warnings would add lines to a command's output; errors come back as the exception.
        using (var options = new SessionOptions
               {
                   IntraOpNumThreads = 1,
                   InterOpNumThreads = 1,
                   ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
                   LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
               })
        {
            try
            {
                session = new InferenceSession(bytes, options);
            }
            catch (OnnxRuntimeException e)
            {
                throw new InvalidDataException($"ONNX Runtime cannot load it ({FirstLine(e.Message)})");
            }
        }
        try
        {
            return new OnnxPolicy(session, OnnxPolicyModel.HiddenSize(ModelProto.Parser.ParseFrom(bytes)));
        }
        catch (InvalidProtocolBufferException e)
        {
            session.Dispose();
            throw new InvalidDataException($"it is not an ONNX model pgvec can read ({e.Message})");
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public void LogStd(Span<double> logStd)
    {
        if (Head != PolicyHead.Gaussian)
            throw new InvalidOperationException("a categorical model has no log_std");
        for (int k = 0; k < _logStd.Length; k++)
            logStd[k] = _logStd[k];
    }

    /// <summary>The model's logits (categorical) or mean (Gaussian) for one observation.</summary>
    public void Logits(ReadOnlySpan<float> observation, Span<double> logits)
    {
        observation.CopyTo(_observation);
        _session.Run(_runOptions, InputNames, _inputValues, _outputNames, _outputValues);
        for (int k = 0; k < _outputs.Length; k++)
            logits[k] = _outputs[k];
    }

    public void Dispose()
    {
        foreach (OrtValue value in _inputValues.Concat(_outputValues))
            value.Dispose();
        _runOptions.Dispose();
        _session.Dispose();
    }

    /// <summary>log_std as the model gives it (it reads no observation: any one will do).</summary>
    private float[] ReadLogStd()
    {
        var logStd = new float[Actions];
        using OrtValue output = OrtValue.CreateTensorValueFromMemory(logStd, [Actions]);
        _session.Run(_runOptions, InputNames, _inputValues, [OnnxPolicyModel.LogStdOutput], [output]);
        return logStd;
    }

    /// <summary>
    /// Exactly one input, obs float [batch or 1, D]; and an output logits float [batch or 1, N]
    /// with N >= 2, or outputs mean float [batch or 1, A] and log_std float [A]; returns the head, D and N or A.
    /// </summary>
    private static (PolicyHead Head, int Observations, int Actions) RequireInterface(InferenceSession session)
    {
        string inputs = string.Join(", ", session.InputMetadata.Keys);
        if (session.InputMetadata.Count != 1 || !session.InputMetadata.TryGetValue(OnnxPolicyModel.ObservationInput, out NodeMetadata? obs))
            throw new InvalidDataException($"its inputs are ({inputs}): a policy model has one, '{OnnxPolicyModel.ObservationInput}' float [batch, D]");
        int observations = RequireBatchOfVectors("input", OnnxPolicyModel.ObservationInput, obs, 1);
        var outputs = session.OutputMetadata;
        if (outputs.TryGetValue(OnnxPolicyModel.LogitsOutput, out NodeMetadata? logits))
            return (PolicyHead.Categorical, observations, RequireBatchOfVectors("output", OnnxPolicyModel.LogitsOutput, logits, 2));
        if (outputs.TryGetValue(OnnxPolicyModel.MeanOutput, out NodeMetadata? mean))
        {
            int actions = RequireBatchOfVectors("output", OnnxPolicyModel.MeanOutput, mean, 1);
            if (!outputs.TryGetValue(OnnxPolicyModel.LogStdOutput, out NodeMetadata? logStd))
                throw new InvalidDataException($"it has an output '{OnnxPolicyModel.MeanOutput}' but no '{OnnxPolicyModel.LogStdOutput}' (its outputs are {string.Join(", ", outputs.Keys)}): a Gaussian policy model gives both");
            if (!(logStd.IsTensor && logStd.ElementType == typeof(float) && logStd.Dimensions is [var width] && width == actions))
                throw new InvalidDataException($"its output '{OnnxPolicyModel.LogStdOutput}' is {Describe(logStd)}: must be float [{actions}], one per dimension of '{OnnxPolicyModel.MeanOutput}'");
            return (PolicyHead.Gaussian, observations, actions);
        }
        throw new InvalidDataException(
            $"it has no output '{OnnxPolicyModel.LogitsOutput}' or '{OnnxPolicyModel.MeanOutput}' (its outputs are {string.Join(", ", outputs.Keys)}): a policy model gives float [batch, N] logits, or a Gaussian one float [batch, A] means and [A] log_std");
    }

    /// <summary>A float [batch, W] tensor with W at least <paramref name="least"/>; returns W.</summary>
    private static int RequireBatchOfVectors(string what, string name, NodeMetadata node, int least)
    {
        // ONNX Runtime reports a named (dynamic) dimension as -1.
        if (node.IsTensor && node.ElementType == typeof(float) && node.Dimensions is [-1 or 1, var width] && width >= least)
            return width;
        throw new InvalidDataException($"its {what} '{name}' is {Describe(node)}: must be float [batch, W] with W >= {least}");
    }

    private static string Describe(NodeMetadata node) =>
        node.IsTensor ? $"{TypeName(node.ElementType)} [{string.Join(", ", node.Dimensions)}]" : node.OnnxValueType.ToString();

    private static string TypeName(Type type) =>
        type == typeof(float) ? "float" : type == typeof(double) ? "double" : type.Name.ToLowerInvariant();

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
