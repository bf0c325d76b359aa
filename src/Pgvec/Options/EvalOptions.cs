using CommandLine;
using Pgvec.Commands;
using Pgvec.CommandLine;
using PolicyGradient.Policy;

namespace Pgvec.Options;

[Verb("eval", HelpText = "Plays a saved policy (policy.safetensors or checkpoint.safetensors, or an ONNX model) on the host, on the environment it was trained on: a built-in's float64 Gymnasium-exact reference, or your own environment's struct (--env-assembly); prints a table and writes eval.json.")]
internal sealed class EvalOptions : ICheckedOptions
{
    [Option("checkpoint", MetaValue = "FILE", HelpText = "(Default: none; give this or --onnx) policy.safetensors or checkpoint.safetensors: a pgvec run's, or the tutorial's PyTorch Policy saved with safetensors.torch.save_file.")]
    [NonEmpty("a .safetensors file")]
    public string? Checkpoint { get; set; }

    [Option("onnx", MetaValue = "FILE", HelpText = "(Default: none; give this or --checkpoint) An ONNX model with input obs float [batch, D] and output logits float [batch, N], or outputs mean float [batch, A] and log_std float [A] (a Gaussian policy), as pgvec export writes, played through ONNX Runtime on the CPU on the environment of that shape.")]
    [NonEmpty("an .onnx file")]
    public string? Onnx { get; set; }

    [Option("env-assembly", MetaValue = "DLL", HelpText = "(Default: where the run loaded it from) For a policy of your own environment: the assembly (.dll) it was trained with; one whose SHA-256 differs is refused.")]
    [NonEmpty("a .dll file")]
    public string? EnvAssembly { get; set; }

    [Option("episodes", Default = 100, HelpText = "Episodes to play.")]
    [IntegerRange(1, 1_000_000)]
    public int Episodes { get; set; }

    [Option("greedy", Default = false, HelpText = "(Default) Play the most probable action (a Gaussian policy: its mean, which the environment clips to its Box), unless --sample is given.")]
    public bool Greedy { get; set; }

    [Option("sample", Default = false, HelpText = "Draw each action from the policy, as training does (a Gaussian policy: mean + exp(log_std) * N(0, 1), unclipped; the environment clips it).")]
    public bool Sample { get; set; }

    [Option("seed", Default = 0UL, HelpText = "Seed of the episodes' start states and of sampled actions (episode e of a seed always starts alike).")]
    [UnsignedInteger]
    public ulong Seed { get; set; }

    [Option("device", Default = "host", HelpText = "Where the episodes run: host, the only choice; eval plays on the float64 Gymnasium-exact env on one CPU thread, never on an accelerator.")]
    [HostOnly]
    public string Device { get; set; } = "";

    [Option("render", MetaValue = "FILE.svg", HelpText = "(Default: none) Also draw the first episode as an animated SVG into this file (its name must end in .svg).")]
    [NonEmpty("a file path")]
    public string? Render { get; set; }

    [Option("out", MetaValue = "FILE", HelpText = "(Default: eval-STEM.json in the run directory the evaluated file lies in, e.g. DIR/eval-policy.json, replaced by the next evaluation of that file; outside a run, runs/eval-yyyyMMdd-HHmmss-fff/eval.json, a fresh folder) The report file.")]
    [NonEmpty("a file path")]
    public string? Out { get; set; }

    /// <summary>The file played: --checkpoint or --onnx.</summary>
    public string PolicyFile => Checkpoint ?? Onnx!;

    public ActionChoice Actions => Sample ? ActionChoice.Sample : ActionChoice.Greedy;

    public ICommand Check(ArgumentScan scan) => EvalRun.Prepare(this);
}

/// <summary>eval's --device: only the host, said plainly rather than accepting an accelerator and ignoring it.</summary>
internal sealed class HostOnlyAttribute : OptionRule
{
    public override string Allowed => "host (eval plays on the float64 Gymnasium-exact env on the host, not on an accelerator)";
    public override string Placeholder => "host";
    public override bool Accepts(object? value) => value is "host";
}
