using System.Text.Json.Serialization;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime.OpenCL;

namespace PolicyGradient.Devices;

/// <summary>
/// What a user needs to know about one accelerator (`pgvec devices`, `pgvec selftest`): its
/// size and launch limits, and for CUDA what ILGPU will compile for it.
/// </summary>
/// <param name="MemoryBytes">The device's memory; for the CPU accelerator the host memory .NET may use.</param>
/// <param name="ComputeCapability">CUDA only: e.g. "9.0".</param>
/// <param name="DriverVersion">CUDA only: the driver's CUDA version, e.g. "12.9".</param>
/// <param name="PtxTarget">CUDA only: `.version` and `.target` of the PTX ILGPU emits here, e.g. "8.8 sm_80".</param>
internal sealed record DeviceFacts(
    [property: JsonIgnore] DeviceKind Kind,
    string Name,
    long MemoryBytes,
    int Multiprocessors,
    int WarpSize,
    int MaxThreadsPerGroup,
    int MaxThreadsPerMultiprocessor,
    string? ComputeCapability = null,
    string? DriverVersion = null,
    string? PtxTarget = null,
    [property: JsonPropertyName("opencl_vendor")] string? OpenCLVendor = null,
    [property: JsonPropertyName("opencl_c_version")] string? OpenCLCVersion = null)
{
    /// <summary>cuda, opencl or cpu, as --device names it.</summary>
    [JsonPropertyName("kind")]
    public string KindName => Kind.Name();

    public static DeviceFacts Of(Device device)
    {
        var facts = new DeviceFacts(
            KindOf(device),
            device.Name,
            device.AcceleratorType == AcceleratorType.CPU ? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes : device.MemorySize,
            device.NumMultiprocessors,
            device.WarpSize,
            device.MaxNumThreadsPerGroup,
            device.MaxNumThreadsPerMultiprocessor);
        return device switch
        {
            CudaDevice cuda => facts with
            {
                ComputeCapability = cuda.Architecture is { } a ? $"{a.Major}.{a.Minor}" : null,
                DriverVersion = $"{cuda.DriverVersion.Major}.{cuda.DriverVersion.Minor}",
                PtxTarget = cuda.Architecture is { } arch
                    ? $"{cuda.InstructionSet?.ToString() ?? "none"} {KernelCompilation.PtxTargetFor(arch).ToString().ToLowerInvariant()}"
                    : null,
            },
            CLDevice cl => facts with { OpenCLVendor = cl.VendorName, OpenCLCVersion = cl.CVersion.ToString() },
            _ => facts,
        };
    }

    public static DeviceKind KindOf(Device device) => device.AcceleratorType switch
    {
        AcceleratorType.Cuda => DeviceKind.Cuda,
        AcceleratorType.OpenCL => DeviceKind.OpenCL,
        _ => DeviceKind.Cpu,
    };

    /// <summary>Plain-text lines, one fact each, for a terminal.</summary>
    public IEnumerable<string> Lines()
    {
        yield return $"{KindName,-7} {Name}";
        yield return $"  memory {MemoryBytes / (1024.0 * 1024 * 1024):F1} GiB, {Multiprocessors} multiprocessor{(Multiprocessors == 1 ? "" : "s")}, warp size {WarpSize}, " +
                     $"max threads per group {MaxThreadsPerGroup}, per multiprocessor {MaxThreadsPerMultiprocessor}";
        if (ComputeCapability is not null || DriverVersion is not null)
            yield return $"  compute capability {ComputeCapability ?? "unknown"}, CUDA driver {DriverVersion}, ILGPU emits PTX {PtxTarget ?? "unknown"}";
        if (OpenCLVendor is not null)
            yield return $"  vendor {OpenCLVendor}, OpenCL C {OpenCLCVersion}";
    }
}
