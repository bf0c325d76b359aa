using PolicyGradient.Kernels;
using System.Globalization;
using Pgvec.CommandLine;
using Pgvec.Options;
using PolicyGradient.Checkpoints;
using PolicyGradient.Environment;
using PolicyGradient.Reporting.Export;
using PolicyGradient.Output;
using PolicyGradient.Policy;
using PolicyGradient.Training;

namespace Pgvec.Commands;

/// <summary>`pgvec eval`: a saved policy's returns and episode lengths on the reference env; optionally one episode drawn.</summary>
internal sealed class EvalRun : ICommand
{
    public const string ReportFile = "eval.json";

    private readonly EvalOptions _options;
    private readonly IPolicyNetwork _policy;
    /// <summary>The policy's hidden size; null for an ONNX model that does not declare it.</summary>
    private readonly int? _hidden;
    private readonly EnvironmentDefinition _environment;
    private readonly OutputFile _report;
    private readonly OutputFile? _render;

    private EvalRun(EvalOptions options, IPolicyNetwork policy, int? hidden, EnvironmentDefinition environment, OutputFile report, OutputFile? render)
    {
        _environment = environment;
        _options = options;
        _policy = policy;
        _hidden = hidden;
        _report = report;
        _render = render;
    }

    /// <summary>Everything eval reads and writes checked before the first episode plays.</summary>
    public static EvalRun Prepare(EvalOptions options)
    {
        if (options.Greedy && options.Sample)
            throw new UsageException("--greedy and --sample exclude each other: give one (greedy is the default)");
        if ((options.Checkpoint is null) == (options.Onnx is null))
            throw new UsageException(options.Checkpoint is null
                ? "eval needs --checkpoint (a .safetensors file) or --onnx (an .onnx file)"
                : "--checkpoint and --onnx exclude each other: give one");
        if (options.Render is { } render && !render.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
            throw new UsageException($"--render {render} is not an .svg name: eval draws the episode as an animated SVG, so the file must end in .svg");
        OutputFile report = OutputFile.For("out", options.Out ?? BesideTheRun(options.PolicyFile), "eval", ReportFile);
        OutputFile? renderFile = options.Render is null ? null : OutputFile.For("render", options.Render, "eval", "episode.svg");
        if (options.Checkpoint is not null)
        {
            var (parameters, metadata) = SafeTensorsInput.Read("checkpoint", options.Checkpoint, file => (PolicyTensors.Read(file), file.Metadata));
            EnvironmentDefinition trainedOn = StoredEnvironment.Of(metadata, $"--checkpoint {options.Checkpoint}", options.EnvAssembly);
            if (options.Render is not null && trainedOn.Assembly is not null)
                throw new UsageException($"--render draws the built-in environments only: {trainedOn.Id} is your own environment, which pgvec cannot draw (leave --render out)");
            StoredEnvironment.RequireFits(trainedOn, parameters.Layout, $"--checkpoint {options.Checkpoint}");
            return new EvalRun(options, parameters, parameters.Hidden, trainedOn, report, renderFile);
        }
        if (options.EnvAssembly is not null)
            throw new UsageException("--env-assembly works with --checkpoint, whose metadata names the environment: an --onnx model is played on the built-in environment of its shape");
        OnnxPolicy model = OnnxInput.Load("onnx", options.Onnx!);
        EnvironmentDefinition fitting = Environments.All.FirstOrDefault(e => e.Device.Head == model.Head && e.Device.Observations == model.Observations && e.Device.Actions == model.Actions)
            ?? throw new UsageException($"--onnx {options.Onnx} maps {model.Observations} observations to {ActionsText(model.Head, model.Actions)}: no environment has that shape " +
                                        $"({string.Join(", ", Environments.All.Select(e => $"{e.Id} {e.Device.Observations} to {ActionsText(e.Device.Head, e.Device.Actions)}"))})");
        return new EvalRun(options, model, model.Hidden, fitting, report, renderFile);
    }

    /// <summary>"2 actions" (categorical logits) or "1 Gaussian action dimension" (means).</summary>
    private static string ActionsText(PolicyHead head, int actions) =>
        head == PolicyHead.Gaussian ? Plural.Of(actions, "Gaussian action dimension") : Plural.Of(actions, "action");

    /// <summary>
    /// Where eval.json goes without --out: into the run directory the evaluated file lies in, as
    /// eval-STEM.json (eval-policy.json, eval-best-policy.json), replaced by the next evaluation
    /// of that file; null (a fresh runs/eval-... folder) for a file outside any run.
    /// </summary>
    private static string? BesideTheRun(string evaluated) =>
        RunDirectory.Holding(evaluated) is { } run ? Path.Combine(run, $"eval-{Path.GetFileNameWithoutExtension(evaluated)}.json") : null;

    public int Execute(TextWriter stdout, TextWriter stderr)
    {
        using (_policy as IDisposable)
            Evaluate(stdout);
        return ExitCodes.Completed;
    }

    private void Evaluate(TextWriter stdout)
    {
        EpisodeResult[] results = PolicyEvaluation.Play(_policy, _environment, _options.Episodes, _options.Seed, _options.Actions);
        if (_render is not null)
            AtomicFile.WriteAllText(_render.Claim(), Animation());

        var summary = EvaluationSummary.Of(_options.PolicyFile, _hidden, _environment, _options.Actions.Name(), _options.Seed, results, _options.Render);
        string outPath = _report.Claim();
        JsonFile.Write(outPath, summary);

        string network = summary.Hidden is int hidden ? $"a {_environment.Device.Layout(hidden)} policy" : "a policy";
        string runtime = _options.Onnx is null ? "" : " through ONNX Runtime";
        stdout.WriteLine($"eval: {Plural.Of(summary.Episodes, $"{summary.Actions} episode")} of {summary.Checkpoint} ({network}){runtime}, seed {summary.Seed}, on {summary.Environment}");
        stdout.WriteLine($"{"",-8} {"mean",8} {"min",6} {"max",6}");
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"return",-8} {summary.MeanReturn,8:F1} {summary.MinReturn,6:F0} {summary.MaxReturn,6:F0}"));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"length",-8} {summary.MeanLength,8:F1} {summary.MinLength,6} {summary.MaxLength,6}"));
        if (_options.Render is not null)
            stdout.WriteLine(_options.Render);
        stdout.WriteLine(outPath);
    }

    /// <summary>Episode 0 again, the first of the episodes the table sums up, frame by frame.</summary>
    private string Animation()
    {
        IEpisodeRecording recording = EnvironmentAnimations.For(_environment.Id);
        EpisodeResult episode = PolicyEvaluation.PlayEpisode(_policy, _environment.CreateReference(), _environment.Device, 0, _options.Seed, _options.Actions, recording.Add);
        return recording.Render(string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(_options.PolicyFile)}: {_environment.Id} {_options.Actions.Name()} episode 0 of seed {_options.Seed}, return {episode.Return:F0}"));
    }
}
