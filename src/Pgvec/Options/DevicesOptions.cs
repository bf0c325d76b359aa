using CommandLine;
using ILGPU.Runtime.Cuda;
using PolicyGradient.Devices;
using Pgvec.Commands;
using Pgvec.CommandLine;

namespace Pgvec.Options;

[Verb("devices", HelpText = "Lists the accelerators ILGPU finds (memory, multiprocessors, limits; CUDA compute capability, driver and PTX target; OpenCL vendor and version) what the CUDA driver says when asked directly (library, cuInit, version, devices), and the one --device auto picks and why; on a GPU it also loads every kernel (exit 1 naming the one that fails).")]
internal sealed class DevicesOptions : ICommand, ICheckedOptions
{
    [Option("json", Default = false, HelpText = "Print one JSON object instead of text, for scripts.")]
    public bool Json { get; set; }

    [Option("ptx", MetaValue = "DIR", HelpText = "(Default: none) Also write each kernel's PTX, as ILGPU compiles it for an sm_90 GPU, into this directory (for ptxas: registers, spills).")]
    [NonEmpty("a directory path")]
    public string? Ptx { get; set; }

    [Option("ptx-isa", MetaValue = "VERSION", HelpText = "(Default: 8.8, the newest ILGPU knows) The PTX ISA of --ptx: the one your driver gets (CUDA 12.4: 8.4, 12.6: 8.5, 12.8: 8.7, 12.9 and later: 8.8), to compile exactly what it will JIT-compile.")]
    [NonEmpty("a PTX ISA version such as 8.4")]
    public string? PtxIsa { get; set; }

    private CudaInstructionSet? _ptxIsa;

    public ICommand Check(ArgumentScan scan)
    {
        if (PtxIsa is not null)
            _ptxIsa = ParsePtxIsa(PtxIsa, Ptx is not null);
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

    /// <summary>One of the instruction sets ILGPU gives a driver for --ptx's sm_90, as "major.minor".</summary>
    private static CudaInstructionSet ParsePtxIsa(string text, bool withPtx)
    {
        IReadOnlyList<CudaInstructionSet> known = KernelCompilation.InstructionSetsFor(DeviceListing.PtxArchitecture);
        string allowed = string.Join(", ", known.Select(isa => $"{isa.Major}.{isa.Minor}"));
        string[] parts = text.Split('.');
        CudaInstructionSet? match = parts.Length == 2 && int.TryParse(parts[0], out int major) && int.TryParse(parts[1], out int minor)
            ? known.Where(isa => isa.Major == major && isa.Minor == minor).Select(isa => (CudaInstructionSet?)isa).FirstOrDefault()
            : null;
        if (match is null)
            throw new UsageException($"--ptx-isa {text} is not a PTX ISA ILGPU emits for sm_90: must be one of {allowed}");
        if (!withPtx)
            throw new UsageException($"--ptx-isa {text} needs --ptx DIR (the folder the PTX is written to)");
        return match.Value;
    }

    public int Execute(TextWriter stdout, TextWriter stderr) => DeviceListing.Print(Json, Ptx, stdout, stderr, _ptxIsa);
}
