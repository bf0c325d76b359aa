using System.Text.Json;
using ILGPU.Runtime.Cuda;
using PolicyGradient.Devices;
using PolicyGradient.Output;

namespace Pgvec.Commands;

/// <summary>`pgvec devices`: what ILGPU finds here, what --device auto would run on and why, and optionally the kernels' PTX.</summary>
internal static class DeviceListing
{
    /// <summary>The architecture `--ptx` compiles for: the H100/H200 generation.</summary>
    public static readonly CudaArchitecture PtxArchitecture = CudaArchitecture.SM_90;

    /// <param name="ptxIsa">The PTX ISA of --ptx (e.g. the one a CUDA 12.4 driver gets); null: the newest ILGPU knows.</param>
    public static int Print(bool json, string? ptxDirectory, TextWriter stdout, TextWriter stderr, CudaInstructionSet? ptxIsa = null)
    {
        IReadOnlyList<DeviceFacts> devices = ComputeDevice.List();
        CudaDriverReport driver = CudaDriverProbe.Run();
        using ComputeDevice auto = ComputeDevice.Open(DeviceKind.Auto, stderr);
        // A GPU's driver JIT-compiles each kernel's PTX when it loads: prove it can before a run needs it.
        KernelLoadReport? kernels = auto.Kind == DeviceKind.Cpu ? null : KernelLoadCheck.Run(auto.Accelerator);
        string[] written = ptxDirectory is null ? [] : WritePtx(ptxDirectory, ptxIsa);
        int exit = kernels is { AllLoaded: false } ? ExitCodes.Failure : ExitCodes.Completed;
        if (json)
        {
            var report = new
            {
                Devices = devices,
                CudaDriver = driver,
                Auto = new { Kind = auto.Kind.Name(), auto.Name, auto.Reason },
                Kernels = kernels,
                PtxFiles = ptxDirectory is null ? null : written,
            };
            stdout.WriteLine(JsonSerializer.Serialize(report, JsonFile.Options));
            return exit;
        }
        foreach (DeviceFacts device in devices)
        {
            foreach (string line in device.Lines())
                stdout.WriteLine(line);
        }
        stdout.WriteLine(driver.Line());
        stdout.WriteLine($"auto picks: {DeviceChoice.Describe(auto.Kind, auto.Name)}: {auto.Reason}");
        foreach (string line in kernels?.Lines() ?? [])
            stdout.WriteLine(line);
        foreach (string file in written)
            stdout.WriteLine($"wrote {file}");
        return exit;
    }

    /// <summary>One PTX file per kernel, as ILGPU compiles it for an sm_90 GPU; returns the paths written.</summary>
    private static string[] WritePtx(string directory, CudaInstructionSet? isa)
    {
        Directory.CreateDirectory(directory);
        return (isa is { } set ? KernelCompilation.Ptx(PtxArchitecture, set) : KernelCompilation.Ptx(PtxArchitecture))
            .Select(k =>
            {
                string path = Path.Combine(directory, $"{k.Kernel.Name}.ptx");
                AtomicFile.WriteAllText(path, k.Source);
                return path;
            })
            .ToArray();
    }
}
