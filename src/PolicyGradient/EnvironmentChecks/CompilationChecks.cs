using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using PolicyGradient.Devices;
using PolicyGradient.Environment;
using PolicyGradient.Inspection;
using PolicyGradient.Kernels;

namespace PolicyGradient.EnvironmentChecks;

/// <summary>
/// Whether the environment's kernels compile: for the CPU accelerator, to PTX for each GPU
/// architecture and to OpenCL C, each in a context of its own (a failed compilation spoils its
/// context), with ILGPU's refusal said in one line (<see cref="EnvironmentCompileErrors"/>); and
/// where the PTX keeps values in `.local` memory.
/// </summary>
internal static partial class CompilationChecks
{
    public const string CpuName = "compiles for the CPU accelerator";
    public const string OpenCLName = "compiles to OpenCL C";
    public const string RecursionName = "no recursion";

    public static string PtxName(CudaArchitecture architecture) => $"compiles to PTX {architecture.ToString().ToLowerInvariant()}";

    public static CheckResult CpuAccelerator(DeviceEnvironment environment)
    {
        KernelEntryPoint[] kernels = [.. environment.KernelEntryPoints()];
        var clock = Stopwatch.StartNew();
        using Context context = KernelCompilation.CompileOnlyContext();
        using Accelerator cpu = context.GetCPUDevice(0).CreateCPUAccelerator(context);
        foreach (KernelEntryPoint kernel in kernels)
        {
            try
            {
                using Kernel loaded = cpu.LoadAutoGroupedKernel(kernel.Method);
            }
            catch (Exception e)
            {
                return CheckResult.Fail(CpuName, Explain(e, environment, kernel.Name));
            }
        }
        return CheckResult.Pass(CpuName, $"{kernels.Length} kernels ({string.Join(", ", kernels.Select(k => k.Name))}) in {clock.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Compiles to PTX; where a kernel keeps values in `.local` memory, a warning naming it and how much.</summary>
    public static CheckResult Ptx(DeviceEnvironment environment, CudaArchitecture architecture)
    {
        string name = PtxName(architecture);
        KernelEntryPoint[] kernels = [.. environment.KernelEntryPoints()];
        IReadOnlyList<CompiledKernelText> compiled;
        try
        {
            compiled = KernelCompilation.Ptx(architecture, kernels);
        }
        catch (Exception e)
        {
            return CheckResult.Fail(name, Explain(e, environment, "a kernel"));
        }
        string target = KernelCompilation.PtxTargetFor(architecture).ToString().ToLowerInvariant();
        string[] local = [.. compiled.Where(c => c.Source.Contains(".local", StringComparison.Ordinal)).Select(c => $"{c.Kernel.Name} ({LocalBytes(c.Source)})")];
        return local.Length == 0
            ? CheckResult.Pass(name, $"{compiled.Count} kernels, .target {target}, no .local memory")
            : CheckResult.Warn(name, $"{compiled.Count} kernels, .target {target}; .local memory in {string.Join(", ", local)}: it lives in device memory behind the caches, slow in the step loop " +
                                     "(a local array, or a value whose address is taken: return small structs, keep arrays out of Step)");
    }

    public static CheckResult OpenCL(DeviceEnvironment environment)
    {
        try
        {
            return CheckResult.Pass(OpenCLName, $"{KernelCompilation.OpenCLC([.. environment.KernelEntryPoints()]).Count} kernels");
        }
        catch (Exception e)
        {
            return CheckResult.Fail(OpenCLName, Explain(e, environment, "a kernel"));
        }
    }

    /// <summary>
    /// ILGPU 1.5.3 compiles a method that calls itself (a recursive PTX call, a CPU call), but
    /// OpenCL C forbids recursion and a GPU thread's call stack is small: a warning naming the cycle.
    /// </summary>
    public static CheckResult Recursion(DeviceEnvironment environment)
    {
        Type type = environment.EnvironmentType;
        MethodInfo[] own = [.. type.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)];
        bool builtIn = type.Assembly == typeof(IEnvironment<,>).Assembly;
        if (CallGraph.Cycle(own, m => m.DeclaringType is { } d && (d == type || d.DeclaringType == type || (!builtIn && d.Assembly == type.Assembly))) is not { } cycle)
            return CheckResult.Pass(RecursionName, $"none of {type.Name}'s methods calls itself, directly or through others");
        return CheckResult.Warn(RecursionName, $"{string.Join(" -> ", cycle.Select(m => $"{m.DeclaringType!.Name}.{m.Name}"))} calls itself: ILGPU compiles it for CUDA and the CPU, " +
                                               "but OpenCL C forbids recursion and a GPU thread's call stack is small: write it as a loop");
    }

    private static string Explain(Exception e, DeviceEnvironment environment, string kernel) =>
        EnvironmentCompileErrors.Describe(e, environment.EnvironmentType) ?? $"{kernel}: {HostEpisodes.Describe(e)}";

    /// <summary>"12 bytes" from the PTX's .local declarations.</summary>
    private static string LocalBytes(string ptx)
    {
        int[] sizes = [.. LocalDeclaration().Matches(ptx).Select(m => int.Parse(m.Groups["bytes"].Value, System.Globalization.CultureInfo.InvariantCulture))];
        return sizes.Length == 0 ? "size not declared" : $"{sizes.Sum()} bytes";
    }

    [GeneratedRegex(@"\.local\s+\.align\s+\d+\s+\.b8\s+\S+?\[(?<bytes>\d+)\]")]
    private static partial Regex LocalDeclaration();
}
