using System.Diagnostics;
using PolicyGradient.Distributed;
using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime.OpenCL;

namespace PolicyGradient.Devices;

/// <summary>
/// An ILGPU context and one accelerator, chosen from what is present: auto prefers CUDA, then
/// OpenCL, then the CPU accelerator. A requested device that is missing (or fails to start)
/// falls back to the CPU accelerator with one line saying so.
/// </summary>
internal sealed class ComputeDevice : IDisposable
{
    private readonly Context _context;
    private readonly Lazy<DeviceKernels> _kernels;

    private ComputeDevice(Context context, Accelerator accelerator, DeviceKind kind, string reason, int cpuCores)
    {
        CpuCores = cpuCores;
        _context = context;
        Accelerator = accelerator;
        Kind = kind;
        Reason = reason;
        _kernels = new Lazy<DeviceKernels>(() => new DeviceKernels(accelerator));
    }

    public Accelerator Accelerator { get; }
    /// <summary>The host cores this process computes on (the CPU accelerator's threads, one per core).</summary>
    public int CpuCores { get; }
    public DeviceKind Kind { get; }
    public string Name => Accelerator.Name;
    /// <summary>Why this accelerator runs: what was asked for, and what was missing before it.</summary>
    public string Reason { get; }

    /// <summary>
    /// Threads to launch for <paramref name="items"/> work items that the kernel strides over:
    /// as many as the accelerator runs at once, never more than the work.
    /// </summary>
    public int ThreadsFor(int items) => ThreadsFor(items, Accelerator.NumMultiprocessors, Accelerator.MaxNumThreadsPerMultiprocessor);

    /// <summary>The same for a device of the given shape (an H100: 132 multiprocessors of 2048 threads).</summary>
    public static int ThreadsFor(int items, int multiprocessors, int threadsPerMultiprocessor)
    {
        // A count computed in int that overflowed (envs x hidden groups past 2^31) must not launch one thread.
        if (items < 1)
            throw new ArgumentOutOfRangeException(nameof(items), items, "work items must be at least 1");
        long resident = (long)multiprocessors * threadsPerMultiprocessor;
        return (int)Math.Max(1, Math.Min(items, resident));
    }

    /// <summary>Kernels compiled once for this accelerator, on first use.</summary>
    public DeviceKernels Kernels => _kernels.Value;

    /// <summary>
    /// The CPU accelerator simulates one OS thread per GPU thread and pays for every simulated
    /// thread and launch, so the kernels stride and want few, long threads: one per core, all in
    /// one simulated multiprocessor (every multiprocessor adds a barrier to each launch: 2 x 2
    /// threads cost ~60 us a launch on 2 cores, 1 x 2 ~30 us; ILGPU's warps hold at least 2 threads).
    /// </summary>
    public static CPUDevice CpuDevice(int cores) => new(Math.Max(2, cores), 1, 1);

    /// <param name="placement">This process's share of the machine (under MPI, ranks on a node split its cores); null: all of it.</param>
    public static Context CreateContext(DevicePlacement? placement = null)
    {
        NativeLibraryNames.Register();
        int cores = (placement ?? DevicePlacement.Alone).CpuCores(System.Environment.ProcessorCount);
        return Context.Create(b => b.Cuda().OpenCL().CPU(CpuDevice(cores)).EnableAlgorithms());
    }

    /// <summary>
    /// Opens the requested device; <paramref name="notices"/> gets the fallback line, if any.
    /// With <paramref name="strict"/>, a requested device that is missing or fails to start is
    /// an error instead of a fallback.
    /// </summary>
    /// <param name="placement">Under MPI, which of the node's GPUs and what share of its cores this rank takes.</param>
    public static ComputeDevice Open(DeviceKind requested, TextWriter notices, bool strict = false, DevicePlacement? placement = null)
    {
        placement ??= DevicePlacement.Alone;
        Context context = CreateContext(placement);
        int cores = placement.CpuCores(System.Environment.ProcessorCount);
        try
        {
            var candidates = requested switch
            {
                DeviceKind.Auto => [DeviceKind.Cuda, DeviceKind.OpenCL, DeviceKind.Cpu],
                DeviceKind.Cpu => [DeviceKind.Cpu],
                _ => new[] { requested },
            };
            var failures = new List<string>();
            Exception? startFailure = null;
            foreach (var kind in candidates)
            {
                if (kind == DeviceKind.Cpu)
                    break;
                Device? device = DeviceFor(context, kind, placement);
                if (device is null)
                {
                    // ILGPU swallows why it found no CUDA device; the driver, asked directly, says.
                    failures.Add(kind == DeviceKind.Cuda ? $"no cuda device found ({CudaDriverProbe.Run().Reason()})" : $"no {kind.Name()} device found");
                    continue;
                }
                try
                {
                    string reason = string.Join("; ", [.. failures,
                        $"the first {kind.Name()} device{(requested == DeviceKind.Auto ? " (auto prefers cuda, then opencl, then cpu)" : "")}"]);
                    return new ComputeDevice(context, device.CreateAccelerator(context), kind, reason, cores);
                }
                catch (Exception e)
                {
                    failures.Add($"{kind.Name()} device '{device.Name}' failed to start ({e.Message.Split('\n')[0]})");
                    // The whole exception for PGVEC_DEBUG=1, which sends the trace to stderr; the line above is all a fallback says.
                    Trace.WriteLine($"pgvec: {kind.Name()} device '{device.Name}' failed to start: {e}");
                    startFailure ??= e;
                }
            }

            if (requested is not (DeviceKind.Cpu or DeviceKind.Auto))
            {
                string missing = $"--device {requested.Name()} requested but {string.Join("; ", failures)}";
                if (strict)
                    throw new DeviceUnavailableException($"{missing} (--strict-device: no fallback)", string.Join("; ", failures), startFailure);
                notices.WriteLine($"pgvec: {missing}; running on the ILGPU CPU accelerator ({placement.CpuCores(System.Environment.ProcessorCount)} cores) instead");
            }
            var cpu = context.GetCPUDevice(0).CreateCPUAccelerator(context);
            string why = requested == DeviceKind.Cpu ? "requested" : $"{string.Join("; ", failures)}: the CPU accelerator";
            return new ComputeDevice(context, cpu, DeviceKind.Cpu, why, cores);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    /// <summary>The CPU accelerator simulating the given threads, e.g. to show results do not depend on them.</summary>
    public static ComputeDevice OpenCpu(CPUDevice cpu)
    {
        NativeLibraryNames.Register();
        Context context = Context.Create(b => b.CPU(cpu).EnableAlgorithms());
        return new ComputeDevice(context, context.GetCPUDevice(0).CreateCPUAccelerator(context), DeviceKind.Cpu, "requested", cpu.NumThreads);
    }

    /// <summary>Every accelerator ILGPU finds, for `pgvec devices`.</summary>
    public static IReadOnlyList<DeviceFacts> List()
    {
        using Context context = CreateContext();
        return context.Devices.Select(DeviceFacts.Of).ToList();
    }

    /// <summary>The facts of the accelerator in use.</summary>
    public DeviceFacts Facts => DeviceFacts.Of(Accelerator.Device);

    /// <summary>The device of <paramref name="kind"/> this process takes: the first, or under MPI the local rank's turn among them.</summary>
    private static Device? DeviceFor(Context context, DeviceKind kind, DevicePlacement placement)
    {
        Device[] devices = [.. context.Devices.Where(d => d.AcceleratorType == kind switch
        {
            DeviceKind.Cuda => AcceleratorType.Cuda,
            DeviceKind.OpenCL => AcceleratorType.OpenCL,
            _ => AcceleratorType.CPU,
        })];
        return devices.Length == 0 ? null : devices[placement.DeviceIndex(devices.Length)];
    }

    public void Dispose()
    {
        // After a failed CUDA launch every later call, freeing the context included, reports the
        // same sticky error: release the context whatever the accelerator says.
        try
        {
            Accelerator.Dispose();
        }
        finally
        {
            _context.Dispose();
        }
    }
}

/// <summary>The requested accelerator is not here (or failed to start) and no fallback was allowed.</summary>
/// <param name="message">The one line to show: what was asked for and why it is not there.</param>
/// <param name="reasons">Why, without the option that forbade the fallback (e.g. "no cuda device found").</param>
/// <param name="startFailure">Why the device failed to start, when it was found.</param>
public sealed class DeviceUnavailableException(string message, string reasons, Exception? startFailure = null) : Exception(message, startFailure)
{
    /// <summary>Why the device is not there, without the option that forbade the fallback (e.g. "no cuda device found").</summary>
    public string Reasons { get; } = reasons;
}
