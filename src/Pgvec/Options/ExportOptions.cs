using CommandLine;
using Pgvec.Commands;
using Pgvec.CommandLine;

namespace Pgvec.Options;

[Verb("export", HelpText = "Writes a saved policy (policy.safetensors or checkpoint.safetensors) as an ONNX model: input obs float [batch, D]; outputs logits and probs float [batch, N] for a discrete-action policy, or mean float [batch, A], log_std float [A] and action float [batch, A] (the mean clipped to the Box) for a Gaussian one; runs anywhere ONNX Runtime does.")]
internal sealed class ExportOptions : ICheckedOptions
{
    [Option("checkpoint", Required = true, MetaValue = "FILE", HelpText = "policy.safetensors or checkpoint.safetensors of any --hidden: a pgvec run's, or the tutorial's PyTorch Policy saved with safetensors.torch.save_file.")]
    [NonEmpty("a .safetensors file")]
    public string Checkpoint { get; set; } = "";

    [Option("onnx", Required = true, MetaValue = "FILE", HelpText = "The ONNX model to write, a name ending in .onnx (e.g. policy.onnx), in a directory that exists.")]
    [NonEmpty("a file path")]
    public string Onnx { get; set; } = "";

    [Option("overwrite", Default = false, HelpText = "Replace --onnx if it exists instead of refusing.")]
    public bool Overwrite { get; set; }

    public ICommand Check(ArgumentScan scan) => ExportRun.Prepare(this);
}
