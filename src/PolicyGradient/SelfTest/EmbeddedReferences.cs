using System.Collections.Concurrent;
using System.Text.Json;

namespace PolicyGradient.SelfTest;

/// <summary>
/// The Gymnasium and PyTorch references (tests/data), embedded in the assembly so `pgvec
/// selftest` checks a device against them wherever pgvec is installed: the top-level files and
/// the Gymnasium records of the built-in environments (tests/data/gymnasium/ID.json).
/// </summary>
internal static class EmbeddedReferences
{
    public const string GymnasiumFile = "gymnasium_cartpole_v1_reference.json";
    public const string PyTorchFile = "pytorch_policy_gradient_reference.json";
    public const string GeneralPyTorchFile = "pytorch_general_policy_reference.json";

    private const string Prefix = "PolicyGradient.References.";

    private static readonly ConcurrentDictionary<string, Lazy<JsonDocument>> Documents = new();

    public static JsonElement PyTorch => Document(PyTorchFile);

    /// <summary>PyTorch's categorical and Gaussian policies of several shapes.</summary>
    public static JsonElement GeneralPyTorch => Document(GeneralPyTorchFile);

    /// <summary>The embedded files, as paths under tests/data (e.g. "gymnasium/Acrobot-v1.json").</summary>
    public static IReadOnlyList<string> Files { get; } =
        [.. typeof(EmbeddedReferences).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..]).Select(n => n.EndsWith(CompressedReference.Extension, StringComparison.Ordinal) ? n[..^CompressedReference.Extension.Length] : n)
            .Order(StringComparer.Ordinal)];

    /// <summary>The embedded file's bytes (resource names: PolicyGradient.References.PATH, PATH under tests/data, .gz where it is kept compressed).</summary>
    public static byte[] Bytes(string file)
    {
        var assembly = typeof(EmbeddedReferences).Assembly;
        if (assembly.GetManifestResourceStream(Prefix + file + CompressedReference.Extension) is { } compressed)
            return CompressedReference.Decompress(compressed);
        using Stream stream = assembly.GetManifestResourceStream(Prefix + file)
                              ?? throw new InvalidOperationException($"reference {file} is not embedded in {assembly.GetName().Name}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>An embedded file, parsed once (Python's bare Infinity allowed, see <see cref="GymnasiumRecords.ParsePythonJson"/>).</summary>
    public static JsonElement Document(string file) =>
        Documents.GetOrAdd(file, f => new Lazy<JsonDocument>(() => GymnasiumRecords.ParsePythonJson(System.Text.Encoding.UTF8.GetString(Bytes(f))))).Value.RootElement;

    public static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(x => x.GetDouble()).ToArray();
}
