using System.Text.Json;

namespace PolicyGradient.Tests;

/// <summary>Loads the Gymnasium and PyTorch references kept in the repository (tests/data).</summary>
public static class ReferenceData
{
    private static readonly Lazy<JsonDocument> GymnasiumDocument = new(() => Load("gymnasium_cartpole_v1_reference.json"));
    private static readonly Lazy<JsonDocument> PyTorchDocument = new(() => Load("pytorch_policy_gradient_reference.json"));
    private static readonly Lazy<JsonDocument> PyTorchGeneralDocument = new(() => Load("pytorch_general_policy_reference.json"));

    public static JsonElement Gymnasium => GymnasiumDocument.Value.RootElement;
    public static JsonElement PyTorch => PyTorchDocument.Value.RootElement;
    public static JsonElement PyTorchGeneral => PyTorchGeneralDocument.Value.RootElement;

    public static string Directory
    {
        get
        {
            string? fromEnvironment = System.Environment.GetEnvironmentVariable("PGVEC_TESTDATA");
            return string.IsNullOrEmpty(fromEnvironment) ? Path.Combine(RepositoryRoot, "tests", "data") : fromEnvironment;
        }
    }

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "PolicyGradient.sln")))
                    return dir.FullName;
            }
            throw new DirectoryNotFoundException("PolicyGradient.sln not found above the test binaries; set PGVEC_TESTDATA");
        }
    }

    /// <summary>The project's shared test data beside the repository, where the copy came from; null where absent.</summary>
    public static string? SharedSource
    {
        get
        {
            string shared = Path.Combine(RepositoryRoot, "..", "shared", "testdata");
            return System.IO.Directory.Exists(shared) ? Path.GetFullPath(shared) : null;
        }
    }

    public static readonly string[] FileNames = ["gymnasium_cartpole_v1_reference.json", "pytorch_policy_gradient_reference.json", "pytorch_general_policy_reference.json"];

    /// <summary>The folder of Gymnasium's classic-control references (one file per environment id), copied whole from the shared data.</summary>
    public const string GymnasiumFolder = "gymnasium";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<JsonDocument>> Documents = new();

    /// <summary>tests/data/gymnasium/NAME.json, e.g. "Acrobot-v1" or "Acrobot-v1_reset_numpy_float32_trig".</summary>
    public static JsonElement GymnasiumFile(string name) => Document($"{GymnasiumFolder}/{name}.json");

    /// <summary>A file under tests/data by its path there (e.g. "gymnasium/Acrobot-v1.json"), parsed once; Python's bare Infinity allowed.</summary>
    public static JsonElement Document(string path) =>
        Documents.GetOrAdd(path, p => new Lazy<JsonDocument>(() => PolicyGradient.SelfTest.GymnasiumRecords.ParsePythonJson(System.Text.Encoding.UTF8.GetString(Bytes(p))))).Value.RootElement;

    /// <summary>A file under tests/data by its uncompressed name, whether it is kept as it is or as NAME.gz.</summary>
    public static byte[] Bytes(string path) =>
        PolicyGradient.SelfTest.CompressedReference.ReadFile(Path.Combine(Directory, path)) ?? throw new FileNotFoundException($"tests/data/{path} (or {path}.gz) not found");

    private static JsonDocument Load(string name) => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Directory, name)));

    public static double[] Doubles(this JsonElement e) => e.EnumerateArray().Select(x => x.GetDouble()).ToArray();
    public static float[] Floats(this JsonElement e) => e.EnumerateArray().Select(x => (float)x.GetDouble()).ToArray();
    public static int[] Ints(this JsonElement e) => e.EnumerateArray().Select(x => x.GetInt32()).ToArray();

    public static IEnumerable<JsonElement> Trajectories => Gymnasium.GetProperty("trajectories").EnumerateArray();
    public static IEnumerable<JsonElement> PolicyCases => PyTorch.GetProperty("cases").EnumerateArray();
    public static IEnumerable<JsonElement> GeneralPolicyCases => PyTorchGeneral.GetProperty("cases").EnumerateArray();
}
