using PolicyGradient.Devices;

namespace PolicyGradient.Tests.Kernels;

/// <summary>One ILGPU CPU accelerator, with its kernels compiled once, shared by the device tests.</summary>
public sealed class CpuDeviceFixture : IDisposable
{
    public CpuDeviceFixture() => Device = ComputeDevice.Open(DeviceKind.Cpu, TextWriter.Null);

    internal ComputeDevice Device { get; }

    public void Dispose() => Device.Dispose();
}

[CollectionDefinition(Name)]
public sealed class CpuDeviceCollection : ICollectionFixture<CpuDeviceFixture>
{
    public const string Name = "CPU accelerator";
}
