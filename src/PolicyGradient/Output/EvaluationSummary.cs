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
    /// <summary>
    /// How the environment is named in eval.json and eval's table: a built-in plays its float64
    /// reference on the host, a user's environment its own struct, from its assembly.
    /// </summary>
    public static string EnvironmentName(Environment.EnvironmentDefinition environment) => environment.Assembly is { } assembly
        ? $"{environment.Id} (float32 struct of {assembly}, host)"
        : $"{environment.Id} (float64, Gymnasium-exact, host)";

    public static EvaluationSummary Of(string checkpoint, int? hidden, Environment.EnvironmentDefinition environment, string actions, ulong seed, IReadOnlyList<EpisodeResult> results, string? render) => new(
        checkpoint, hidden, actions, results.Count, seed, EnvironmentName(environment),
        results.Average(r => r.Return), results.Min(r => r.Return), results.Max(r => r.Return),
        results.Average(r => r.Length), results.Min(r => r.Length), results.Max(r => r.Length),
        render);
}
