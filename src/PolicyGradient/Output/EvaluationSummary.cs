using PolicyGradient.Training;

namespace PolicyGradient.Output;

/// <summary>
/// What `pgvec eval` measured: the content of its eval.json. Checkpoint is the file played (a
/// .safetensors policy or an .onnx model); Hidden is null for a model that does not declare it.
/// </summary>
internal sealed record EvaluationSummary(
    string Checkpoint,
    int? Hidden,
    string Actions,
    int Episodes,
    ulong Seed,
    string Environment,
    double MeanReturn,
    double MinReturn,
    double MaxReturn,
    double MeanLength,
    int MinLength,
    int MaxLength,
    string? Render)
{
    /// <summary>How the environment is named in eval.json and eval's table: every evaluation runs the float64 reference on the host.</summary>
    public static string EnvironmentName(string id) => $"{id} (float64, Gymnasium-exact, host)";

    public static EvaluationSummary Of(string checkpoint, int? hidden, string environmentId, string actions, ulong seed, IReadOnlyList<EpisodeResult> results, string? render) => new(
        checkpoint, hidden, actions, results.Count, seed, EnvironmentName(environmentId),
        results.Average(r => r.Return), results.Min(r => r.Return), results.Max(r => r.Return),
        results.Average(r => r.Length), results.Min(r => r.Length), results.Max(r => r.Length),
        render);
}
