using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using PolicyGradient.Reporting.Export;
using PolicyGradient.Reporting.Export.Onnx;

namespace PolicyGradient.Tests.Export;

/// <summary>An exported model loaded by ONNX Runtime, run on a whole batch of observations at once.</summary>
internal sealed class OnnxModelSession(ModelProto model) : IDisposable
{
    public InferenceSession Session { get; } = new(model.ToByteArray());

    /// <summary>logits and probs, one row of two per state.</summary>
    public (float[][] Logits, float[][] Probs) Run(IReadOnlyList<float[]> states)
    {
        var obs = new DenseTensor<float>(states.SelectMany(s => s).ToArray(), [states.Count, 4]);
        using var results = Session.Run([NamedOnnxValue.CreateFromTensor(OnnxPolicyModel.ObservationInput, obs)]);
        float[][] Rows(string name) => results.Single(r => r.Name == name).AsEnumerable<float>().Chunk(2).ToArray();
        return (Rows(OnnxPolicyModel.LogitsOutput), Rows(OnnxPolicyModel.ProbabilitiesOutput));
    }

    public void Dispose() => Session.Dispose();
}
