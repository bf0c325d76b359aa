namespace PolicyGradient.Devices;

/// <summary>Where the batched kernels run.</summary>
public enum DeviceKind
{
    Auto,
    Cuda,
    OpenCL,
    Cpu,
}

public static class DeviceKindNames
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
