using CommandLine;
using Pgvec.Commands;
using Pgvec.CommandLine;

namespace Pgvec.Options;

[Verb("devices", HelpText = "Lists the accelerators ILGPU finds (memory, multiprocessors, limits; CUDA compute capability, driver and PTX target; OpenCL vendor and version) and the one --device auto picks.")]
public sealed class DevicesOptions : ICommand, ICheckedOptions
{
    [Option("json", Default = false, HelpText = "Print one JSON object instead of text, for scripts.")]
    public bool Json { get; set; }

    [Option("ptx", MetaValue = "DIR", HelpText = "(Default: none) Also write each kernel's PTX, as ILGPU compiles it for an sm_90 GPU, into this directory (for ptxas: registers, spills).")]
    [NonEmpty("a directory path")]
    public string? Ptx { get; set; }

    public ICommand Check(ArgumentScan scan)
    {
        if (Ptx is null)
            return this;
        if (File.Exists(Ptx))
            throw new UsageException($"--ptx {Ptx} is a file: must be a directory");
        try
        {
            Directory.CreateDirectory(Ptx);
            string probe = Path.Combine(Ptx, $".pgvec-write-test-{System.Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--ptx {Ptx} cannot be created or written: {e.Message}");
        }
        return this;
    }

    public int Execute(TextWriter stdout, TextWriter stderr) => DeviceListing.Print(Json, Ptx, stdout, stderr);
}
