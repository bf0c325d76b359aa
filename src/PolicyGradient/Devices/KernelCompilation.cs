using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Backends;
using ILGPU.Backends.OpenCL;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime.OpenCL;

namespace PolicyGradient.Devices;

/// <summary>One kernel compiled for a GPU: its entry point and the generated source (PTX or OpenCL C).</summary>
internal sealed record CompiledKernelText(KernelEntryPoint Kernel, string Source);

/// <summary>
/// Compiles every production kernel for a GPU without one: ILGPU's backends can be made on a
/// CPU-only context, with the algorithms library enabled as the program enables it (XMath on
/// CUDA). This catches most of what a GPU backend refuses (unsupported intrinsics, managed
/// types, address-space problems) on machines that have no GPU, and gives the PTX a user with
/// ptxas can inspect.
/// </summary>
internal static class KernelCompilation
{
    /// <summary>The newest driver ILGPU 1.5.3 knows (CudaVersions.xml): the instruction set a current driver gets.</summary>
    public static readonly CudaDriverVersion NewestKnownDriver = CudaDriverVersion.FromMajorMinor(12, 9);

    /// <summary>
    /// The instruction set ILGPU picks on a device of this architecture with the newest driver it knows
    /// (PTX ISA 8.8), as CudaDevice does for a real GPU.
    /// </summary>
    public static CudaInstructionSet InstructionSetFor(CudaArchitecture architecture) =>
        CudaAccelerator.TryGetInstructionSet(architecture, NewestKnownDriver, out _, out CudaInstructionSet isa)
            ? isa
            : throw new ArgumentException($"ILGPU knows no instruction set for {architecture}", nameof(architecture));

    /// <summary>
    /// The architecture ILGPU writes in `.target` for a device of <paramref name="device"/>'s
    /// compute capability: the lowest one that carries every capability it may use (sm_80 in
    /// 1.5.3, CapabilityContext.tt), so an sm_90 GPU gets sm_80 PTX that its driver JIT-compiles
    /// for sm_90.
    /// </summary>
    public static CudaArchitecture PtxTargetFor(CudaArchitecture device) => new CudaCapabilityContext(device).TargetArchitecture;

    /// <summary>The instruction set ILGPU picks on a device of this architecture whose driver is <paramref name="driver"/> (CUDA 12.4: PTX ISA 8.4).</summary>
    public static CudaInstructionSet InstructionSetFor(CudaArchitecture architecture, CudaDriverVersion driver) =>
        CudaAccelerator.TryGetInstructionSet(architecture, driver, out _, out CudaInstructionSet isa)
            ? isa
            : throw new ArgumentException($"ILGPU knows no instruction set for {architecture} with a CUDA {driver.Major}.{driver.Minor} driver", nameof(driver));

    /// <summary>
    /// Every instruction set a driver can get from ILGPU on a device of this architecture, oldest
    /// first (sm_90: 7.8 with CUDA 11.8 up to 8.8 with 12.9): the PTX a user's driver will JIT-compile is one of these.
    /// </summary>
    public static IReadOnlyList<CudaInstructionSet> InstructionSetsFor(CudaArchitecture architecture) =>
        [.. Enumerable.Range(10, 4).SelectMany(major => Enumerable.Range(0, 10).Select(minor => CudaDriverVersion.FromMajorMinor(major, minor)))
            .Select(driver => CudaAccelerator.TryGetInstructionSet(architecture, driver, out _, out CudaInstructionSet isa) ? isa : (CudaInstructionSet?)null)
            .OfType<CudaInstructionSet>()
            .Distinct()
            .OrderBy(isa => isa.Major).ThenBy(isa => isa.Minor)];

    /// <summary>Every kernel in <see cref="KernelEntryPoints.All"/> as PTX for a device of this architecture, with the newest instruction set ILGPU knows.</summary>
    public static IReadOnlyList<CompiledKernelText> Ptx(CudaArchitecture architecture) => Ptx(architecture, InstructionSetFor(architecture));

    /// <summary>The same with <paramref name="instructionSet"/>, e.g. the one an older driver gets (<see cref="InstructionSetFor(CudaArchitecture, CudaDriverVersion)"/>).</summary>
    public static IReadOnlyList<CompiledKernelText> Ptx(CudaArchitecture architecture, CudaInstructionSet instructionSet) =>
        Ptx(architecture, instructionSet, KernelEntryPoints.All);

    /// <summary><paramref name="kernels"/> (one environment's, say) as PTX for a device of this architecture, with the newest instruction set ILGPU knows.</summary>
    public static IReadOnlyList<CompiledKernelText> Ptx(CudaArchitecture architecture, IReadOnlyList<KernelEntryPoint> kernels) =>
        Ptx(architecture, InstructionSetFor(architecture), kernels);

    private static IReadOnlyList<CompiledKernelText> Ptx(CudaArchitecture architecture, CudaInstructionSet instructionSet, IReadOnlyList<KernelEntryPoint> kernels)
    {
        using Context context = CompileOnlyContext();
        using var backend = new PTXBackend(context, new CudaCapabilityContext(architecture), architecture, instructionSet, null);
        return Compile(backend, kernels, k => ((PTXCompiledKernel)k).PTXAssembly);
    }

    /// <summary>
    /// Every kernel as OpenCL C for an OpenCL C 2.0 device with the capabilities ILGPU requires
    /// (generic address space) and those the kernels use (float64 in the reductions).
    /// </summary>
    public static IReadOnlyList<CompiledKernelText> OpenCLC() => OpenCLC(KernelEntryPoints.All);

    /// <summary><paramref name="kernels"/> (one environment's, say) as OpenCL C.</summary>
    public static IReadOnlyList<CompiledKernelText> OpenCLC(IReadOnlyList<KernelEntryPoint> kernels)
    {
        using Context context = CompileOnlyContext();
        // Float16, Float64, GenericAddressSpace, Int64_Atomics, SubGroups: a full OpenCL 2.0 GPU.
        var capabilities = new CLCapabilityContext(true, true, true, true, true);
        using var backend = new CLBackend(context, capabilities, CLDeviceVendor.Other, CLBackend.MinimumVersion);
        return Compile(backend, kernels, k => ((CLCompiledKernel)k).Source);
    }

    /// <summary>A context that compiles only, on the CPU. After a kernel failed to compile in a context, later ones in it failed with unrelated errors (ILGPU 1.5.3): each compilation takes its own.</summary>
    public static Context CompileOnlyContext() => Context.Create(b => b.CPU().EnableAlgorithms());

    private static IReadOnlyList<CompiledKernelText> Compile(Backend backend, IReadOnlyList<KernelEntryPoint> kernels, Func<CompiledKernel, string> text) =>
        kernels
            .Select(k => new CompiledKernelText(k, text(backend.Compile(k.Description, KernelSpecialization.Empty))))
            .ToList();
}
