namespace PolicyGradient.Devices;

/// <summary>Where the batched kernels run.</summary>
public enum DeviceKind
{
    /// <summary>The best accelerator present: CUDA, else OpenCL, else ILGPU's CPU accelerator.</summary>
    Auto,
    /// <summary>An NVIDIA GPU through CUDA; without one, training falls back to the CPU accelerator unless strict.</summary>
    Cuda,
    /// <summary>An OpenCL GPU; without one, training falls back to the CPU accelerator unless strict.</summary>
    OpenCL,
    /// <summary>ILGPU's CPU accelerator: the kernels run as .NET code on every core; always present.</summary>
    Cpu,
}

internal static class DeviceKindNames
{
    /// <summary>The lower-case name used on the command line and in summary.json.</summary>
    public static string Name(this DeviceKind kind) => kind switch
    {
        DeviceKind.Auto => "auto",
        DeviceKind.Cuda => "cuda",
        DeviceKind.OpenCL => "opencl",
        DeviceKind.Cpu => "cpu",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
