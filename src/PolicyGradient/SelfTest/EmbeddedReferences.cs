using System.Text.Json;

namespace PolicyGradient.SelfTest;

/// <summary>
/// The Gymnasium and PyTorch references (tests/data), embedded in the assembly so `pgvec
/// selftest` checks a device against them wherever pgvec is installed.
/// </summary>
public static class EmbeddedReferences
{
    public const string GymnasiumFile = "gymnasium_cartpole_v1_reference.json";
    public const string PyTorchFile = "pytorch_policy_gradient_reference.json";

    private static readonly Lazy<JsonDocument> GymnasiumDocument = new(() => Load(GymnasiumFile));
    private static readonly Lazy<JsonDocument> PyTorchDocument = new(() => Load(PyTorchFile));

    public static JsonElement Gymnasium => GymnasiumDocument.Value.RootElement;
    public static JsonElement PyTorch => PyTorchDocument.Value.RootElement;

    /// <summary>The embedded file's bytes (resource names: PolicyGradient.References.FILE).</summary>
    public static byte[] Bytes(string file)
    {
        using Stream stream = typeof(EmbeddedReferences).Assembly.GetManifestResourceStream($"PolicyGradient.References.{file}")
                              ?? throw new InvalidOperationException($"reference {file} is not embedded in {typeof(EmbeddedReferences).Assembly.GetName().Name}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static JsonDocument Load(string file) => JsonDocument.Parse(Bytes(file));

    /// <summary>Every transition of a Gymnasium reference document: the state before, the action, and the recorded step.</summary>
    public static IEnumerable<(double[] Before, int Action, JsonElement Step)> Transitions(JsonElement gymnasium)
    {
        foreach (var trajectory in gymnasium.GetProperty("trajectories").EnumerateArray())
        {
            double[] before = Doubles(trajectory.GetProperty("initial_state"));
            foreach (var step in trajectory.GetProperty("steps").EnumerateArray())
            {
                yield return (before, step.GetProperty("action").GetInt32(), step);
                before = Doubles(step.GetProperty("state"));
            }
        }
    }

    public static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(x => x.GetDouble()).ToArray();
}
