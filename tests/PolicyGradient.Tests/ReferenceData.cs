using System.Text.Json;

namespace PolicyGradient.Tests;

/// <summary>Loads the Gymnasium and PyTorch references from ../shared/testdata beside the repository.</summary>
public static class ReferenceData
{
    private static readonly Lazy<JsonDocument> GymnasiumDocument = new(() => Load("gymnasium_cartpole_v1_reference.json"));
    private static readonly Lazy<JsonDocument> PyTorchDocument = new(() => Load("pytorch_policy_gradient_reference.json"));

    public static JsonElement Gymnasium => GymnasiumDocument.Value.RootElement;
    public static JsonElement PyTorch => PyTorchDocument.Value.RootElement;

    public static string Directory
    {
        get
        {
            string? fromEnvironment = System.Environment.GetEnvironmentVariable("PGVEC_TESTDATA");
            if (!string.IsNullOrEmpty(fromEnvironment))
                return fromEnvironment;
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "PolicyGradient.sln")))
                    return Path.Combine(dir.FullName, "..", "shared", "testdata");
            }
            throw new DirectoryNotFoundException("PolicyGradient.sln not found above the test binaries; set PGVEC_TESTDATA");
        }
    }

    private static JsonDocument Load(string name) => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Directory, name)));

    public static double[] Doubles(this JsonElement e) => e.EnumerateArray().Select(x => x.GetDouble()).ToArray();
    public static float[] Floats(this JsonElement e) => e.EnumerateArray().Select(x => (float)x.GetDouble()).ToArray();
    public static int[] Ints(this JsonElement e) => e.EnumerateArray().Select(x => x.GetInt32()).ToArray();

    public static IEnumerable<JsonElement> Trajectories => Gymnasium.GetProperty("trajectories").EnumerateArray();
    public static IEnumerable<JsonElement> PolicyCases => PyTorch.GetProperty("cases").EnumerateArray();

    /// <summary>Every reference transition: the state before, the action and the recorded step.</summary>
    public static IEnumerable<(double[] Before, int Action, JsonElement Step)> Transitions()
    {
        foreach (var trajectory in Trajectories)
        {
            double[] before = trajectory.GetProperty("initial_state").Doubles();
            foreach (var step in trajectory.GetProperty("steps").EnumerateArray())
            {
                yield return (before, step.GetProperty("action").GetInt32(), step);
                before = step.GetProperty("state").Doubles();
            }
        }
    }
}
