using System.Reflection;
using ILGPU.Backends.EntryPoints;
using PolicyGradient.Kernels;

namespace PolicyGradient.Devices;

/// <summary>One production kernel: the name its PTX file gets, its method, and how it is launched.</summary>
/// <param name="ImplicitlyGrouped">Loaded auto-grouped (one index per thread, no group collectives);
/// false for kernels launched with an explicit group size.</param>
public sealed record KernelEntryPoint(string Name, MethodInfo Method, bool ImplicitlyGrouped)
{
    public EntryPointDescription Description => ImplicitlyGrouped
        ? EntryPointDescription.FromImplicitlyGroupedKernel(Method)
        : EntryPointDescription.FromExplicitlyGroupedKernel(Method);
}

/// <summary>
/// Every kernel the program loads, in one list: <see cref="DeviceKernels"/> refuses to load a
/// kernel missing here, and the PTX/OpenCL compilation (tests, `pgvec devices --ptx`) compiles
/// exactly these. A new kernel is one line here and one load in DeviceKernels.
/// </summary>
public static class KernelEntryPoints
{
    public static readonly IReadOnlyList<KernelEntryPoint> All =
    [
        Implicit("rollout", typeof(RolloutKernel), nameof(RolloutKernel.Run)),
        Implicit("gradient", typeof(GradientKernel), nameof(GradientKernel.Run)),
        Implicit("column_reduce", typeof(ColumnReduceKernel), nameof(ColumnReduceKernel.Run)),
        Implicit("step", typeof(SingleStepKernels), nameof(SingleStepKernels.Step)),
        Implicit("forward", typeof(SingleStepKernels), nameof(SingleStepKernels.Forward)),
        Implicit("uniform_draws", typeof(SingleStepKernels), nameof(SingleStepKernels.UniformDraws)),
    ];

    /// <summary>The entry of <paramref name="method"/>; throws if the method is not registered.</summary>
    public static KernelEntryPoint For(MethodInfo method) =>
        All.SingleOrDefault(k => k.Method == method)
        ?? throw new InvalidOperationException($"kernel {method.DeclaringType?.Name}.{method.Name} is not listed in KernelEntryPoints.All");

    private static KernelEntryPoint Implicit(string name, Type type, string method) =>
        new(name, type.GetMethod(method, BindingFlags.Public | BindingFlags.Static)
                  ?? throw new InvalidOperationException($"{type.Name}.{method} not found"), ImplicitlyGrouped: true);
}
