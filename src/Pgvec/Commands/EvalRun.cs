using System.Globalization;
using Pgvec.Options;
using PolicyGradient.Environment;
using PolicyGradient.Output;
using PolicyGradient.Policy;
using PolicyGradient.Training;

namespace Pgvec.Commands;

/// <summary>`pgvec eval`: a saved policy's returns and episode lengths on the reference env; optionally one episode drawn.</summary>
public static class EvalRun
{
    public static EvaluationSummary Run(EvalOptions options, string outPath, TextWriter stdout)
    {
        IPolicyNetwork policy = options.Policy!;
        EpisodeResult[] results = PolicyEvaluation.Play(policy, options.Episodes, options.Seed, options.Actions);
        if (options.Render is string render)
            AtomicFile.WriteAllText(render, Animation(policy, options));

        var summary = EvaluationSummary.Of(options.PolicyFile, options.Hidden, options.Actions.Name(), options.Seed, results, options.Render);
        SummaryJson.Write(outPath, summary);

        string network = summary.Hidden is int hidden ? $"a 4-{hidden}-2 policy" : "a policy";
        string runtime = options.Onnx is null ? "" : " through ONNX Runtime";
        stdout.WriteLine($"eval: {summary.Episodes} {summary.Actions} episodes of {summary.Checkpoint} ({network}){runtime}, seed {summary.Seed}, on {EvaluationSummary.EnvironmentName}");
        stdout.WriteLine($"{"",-8} {"mean",8} {"min",6} {"max",6}");
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"return",-8} {summary.MeanReturn,8:F1} {summary.MinReturn,6:F0} {summary.MaxReturn,6:F0}"));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"length",-8} {summary.MeanLength,8:F1} {summary.MinLength,6} {summary.MaxLength,6}"));
        if (options.Render is not null)
            stdout.WriteLine(options.Render);
        stdout.WriteLine(outPath);
        return summary;
    }

    /// <summary>Episode 0 again, the first of the episodes the table sums up, frame by frame.</summary>
    private static string Animation(IPolicyNetwork policy, EvalOptions options)
    {
        var frames = new List<CartPoleAnimation.Frame>();
        EpisodeResult episode = PolicyEvaluation.PlayEpisode(policy, new CartPole(), 0, options.Seed, options.Actions,
            env => frames.Add(CartPoleAnimation.FrameOf(env)));
        string title = string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(options.PolicyFile)}: {options.Actions.Name()} episode 0 of seed {options.Seed}, return {episode.Return:F0}");
        return CartPoleAnimation.Render(frames, title);
    }
}
