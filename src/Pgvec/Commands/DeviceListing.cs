using System.Text.Json;
using ILGPU.Runtime.Cuda;
using PolicyGradient.Devices;
using PolicyGradient.Output;

namespace Pgvec.Commands;

/// <summary>`pgvec devices`: what ILGPU finds here, what --device auto would run on and why, and optionally the kernels' PTX.</summary>
public static class DeviceListing
{
    /// <summary>The architecture `--ptx` compiles for: the H100/H200 generation.</summary>
    public static readonly CudaArchitecture PtxArchitecture = CudaArchitecture.SM_90;

    public static int Print(bool json, string? ptxDirectory, TextWriter stdout, TextWriter stderr)
    {
        IReadOnlyList<DeviceFacts> devices = ComputeDevice.List();
        using ComputeDevice auto = ComputeDevice.Open(DeviceKind.Auto, stderr);
        string[] written = ptxDirectory is null ? [] : WritePtx(ptxDirectory);
        if (json)
        {
            var report = new
            {
                Devices = devices,
                Auto = new { Kind = auto.Kind.Name(), auto.Name, auto.Reason },
                PtxFiles = ptxDirectory is null ? null : written,
            };
            stdout.WriteLine(JsonSerializer.Serialize(report, JsonFile.Options));
            return ExitCodes.Completed;
        }
        foreach (DeviceFacts device in devices)
        {
            foreach (string line in device.Lines())
                stdout.WriteLine(line);
        }
        stdout.WriteLine($"auto picks: {DeviceChoice.Describe(auto.Kind, auto.Name)}: {auto.Reason}");
        foreach (string file in written)
            stdout.WriteLine($"wrote {file}");
        return ExitCodes.Completed;
    }

    /// <summary>One PTX file per kernel, as ILGPU compiles it for an sm_90 GPU; returns the paths written.</summary>
    private static string[] WritePtx(string directory)
    {
        Directory.CreateDirectory(directory);
        return KernelCompilation.Ptx(PtxArchitecture)
            .Select(k =>
            {
                string path = Path.Combine(directory, $"{k.Kernel.Name}.ptx");
                AtomicFile.WriteAllText(path, k.Source);
                return path;
            })
            .ToArray();
    }
}
