using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using PolicyGradient.Export.Onnx;
using PolicyGradient.Kernels;
using PolicyGradient.Policy;

namespace PolicyGradient.Export;

/// <summary>
/// An ONNX model with the interface pgvec exports (input obs float [batch, D], output logits
/// float [batch, N]) played through ONNX Runtime on the CPU: one observation per run, on one
/// thread, through buffers bound once, so the same model and episodes always give the same actions.
/// </summary>
public sealed class OnnxPolicy : IPolicyNetwork, IDisposable
{
    /// <summary>Far above any policy pgvec exports (a 4-1024-2 model is under 30 KB).</summary>
    public const long MaxFileBytes = 64L << 20;

    private static readonly string[] InputNames = [OnnxPolicyModel.ObservationInput];
    private static readonly string[] OutputNames = [OnnxPolicyModel.LogitsOutput];

    private readonly InferenceSession _session;
    private readonly float[] _observation;
    private readonly float[] _logits;
    private readonly OrtValue[] _inputs;
    private readonly OrtValue[] _outputs;
    private readonly RunOptions _runOptions = new();

    private OnnxPolicy(InferenceSession session, int? hidden)
    {
        _session = session;
        Hidden = hidden;
        (Observations, Actions) = RequireInterface(session);
        _observation = new float[Observations];
        _logits = new float[Actions];
        _inputs = [OrtValue.CreateTensorValueFromMemory(_observation, [1, Observations])];
        _outputs = [OrtValue.CreateTensorValueFromMemory(_logits, [1, Actions])];
    }

    /// <summary>D: the width of its input obs.</summary>
    public int Observations { get; }

    /// <summary>N: the width of its output logits.</summary>
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

    public PolicyHead Head => PolicyHead.Categorical;

    public void LogStd(Span<double> logStd) => throw new InvalidOperationException("a categorical model has no log_std");

    public void Logits(ReadOnlySpan<float> observation, Span<double> logits)
    {
        observation.CopyTo(_observation);
        _session.Run(_runOptions, InputNames, _inputs, OutputNames, _outputs);
        for (int k = 0; k < _logits.Length; k++)
            logits[k] = _logits[k];
    }

    public void Dispose()
    {
        foreach (OrtValue value in _inputs.Concat(_outputs))
            value.Dispose();
        _runOptions.Dispose();
        _session.Dispose();
    }

    /// <summary>Exactly one input, obs float [batch or 1, D], and an output logits float [batch or 1, N]; returns (D, N).</summary>
    private static (int Observations, int Actions) RequireInterface(InferenceSession session)
    {
        string inputs = string.Join(", ", session.InputMetadata.Keys);
        if (session.InputMetadata.Count != 1 || !session.InputMetadata.TryGetValue(OnnxPolicyModel.ObservationInput, out NodeMetadata? obs))
            throw new InvalidDataException($"its inputs are ({inputs}): a policy model has one, '{OnnxPolicyModel.ObservationInput}' float [batch, D]");
        int observations = RequireBatchOfVectors("input", OnnxPolicyModel.ObservationInput, obs, 1);
        if (!session.OutputMetadata.TryGetValue(OnnxPolicyModel.LogitsOutput, out NodeMetadata? logits))
            throw new InvalidDataException($"it has no output '{OnnxPolicyModel.LogitsOutput}' (its outputs are {string.Join(", ", session.OutputMetadata.Keys)}): a policy model gives float [batch, N] logits");
        return (observations, RequireBatchOfVectors("output", OnnxPolicyModel.LogitsOutput, logits, 2));
    }

    /// <summary>A float [batch, W] tensor with W at least <paramref name="least"/>; returns W.</summary>
    private static int RequireBatchOfVectors(string what, string name, NodeMetadata node, int least)
    {
        // ONNX Runtime reports a named (dynamic) dimension as -1.
        if (node.IsTensor && node.ElementType == typeof(float) && node.Dimensions is [-1 or 1, var width] && width >= least)
            return width;
        throw new InvalidDataException(
            $"its {what} '{name}' is {(node.IsTensor ? $"{TypeName(node.ElementType)} [{string.Join(", ", node.Dimensions)}]" : node.OnnxValueType.ToString())}: must be float [batch, W] with W >= {least}");
    }

    private static string TypeName(Type type) =>
        type == typeof(float) ? "float" : type == typeof(double) ? "double" : type.Name.ToLowerInvariant();

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
