using CommandLine;
using Pgvec.Commands;
using Pgvec.CommandLine;
using PolicyGradient.Checkpoints;
using PolicyGradient.Policy;

namespace Pgvec.Options;

[Verb("export", HelpText = "Writes a saved policy (policy.safetensors or checkpoint.safetensors) as an ONNX model: input obs float [batch, 4], outputs logits and probs float [batch, 2]; runs anywhere ONNX Runtime does.")]
public sealed class ExportOptions : ICommand, ICheckedOptions
{
    [Option("checkpoint", Required = true, HelpText = "policy.safetensors or checkpoint.safetensors of any --hidden: a pgvec run's, or the tutorial's PyTorch Policy saved with safetensors.torch.save_file.")]
    [NonEmpty("a .safetensors file")]
    public string Checkpoint { get; set; } = "";

    [Option("onnx", Required = true, HelpText = "The ONNX model to write (e.g. policy.onnx), in a directory that exists.")]
    [NonEmpty("a file path")]
    public string Onnx { get; set; } = "";

    [Option("overwrite", Default = false, HelpText = "Replace --onnx if it exists instead of refusing.")]
    public bool Overwrite { get; set; }

    public PolicyParameters? Policy { get; private set; }

    /// <summary>The checkpoint's __metadata__ (the run's options and pgvec version), kept in the model.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; private set; } = new Dictionary<string, string>();

    public ICommand Check(ArgumentScan scan)
    {
        (Policy, Metadata) = SafeTensorsInput.Read("checkpoint", Checkpoint, file => (PolicyTensors.Read(file), file.Metadata));
        OutputFile.Check("onnx", Onnx, Overwrite);
        return this;
    }

    public int Execute(TextWriter stdout, TextWriter stderr)
    {
        ExportRun.Run(this, stdout);
        return ExitCodes.Completed;
    }
}
