using System.Reflection;
using ILGPU.Backends.EntryPoints;
using PolicyGradient.Environment;
using PolicyGradient.Kernels;

namespace PolicyGradient.Devices;

/// <summary>One production kernel: the name its PTX file gets, its method, and how it is launched.</summary>
/// <param name="ImplicitlyGrouped">Loaded auto-grouped (one index per thread, no group collectives);
/// false for kernels launched with an explicit group size.</param>
internal sealed record KernelEntryPoint(string Name, MethodInfo Method, bool ImplicitlyGrouped)
{
    public EntryPointDescription Description => ImplicitlyGrouped
        ? EntryPointDescription.FromImplicitlyGroupedKernel(Method)
        : EntryPointDescription.FromExplicitlyGroupedKernel(Method);

    /// <summary>An auto-grouped kernel; a generic one instantiated with <paramref name="typeArguments"/>.</summary>
    public static KernelEntryPoint Implicit(string name, Type type, string method, params Type[] typeArguments)
    {
        MethodInfo found = type.GetMethod(method, BindingFlags.Public | BindingFlags.Static)
                           ?? throw new InvalidOperationException($"{type.Name}.{method} not found");
        return new(name, typeArguments.Length == 0 ? found : found.MakeGenericMethod(typeArguments), ImplicitlyGrouped: true);
    }

    /// <summary>The network's forward pass for D observations and an output vector: one instantiation whichever head reads it.</summary>
    public static KernelEntryPoint Forward<TObservation, TOut>()
        where TObservation : unmanaged, IVector<TObservation>
        where TOut : unmanaged, IVector<TOut> =>
        Implicit($"forward_d{TObservation.Length}_v{TOut.Length}", typeof(SingleStepKernels), nameof(SingleStepKernels.Forward), typeof(TObservation), typeof(TOut));
}

/// <summary>
/// Every kernel the program loads, in one list: the shared kernels and each built-in
/// environment's instantiations. <see cref="DeviceKernels"/> refuses to load a kernel missing
/// here, and the PTX/OpenCL compilation (tests, `pgvec devices --ptx`) compiles exactly these.
/// </summary>
internal static class KernelEntryPoints
{
    public static readonly IReadOnlyList<KernelEntryPoint> All =
    [
        KernelEntryPoint.Implicit("column_reduce", typeof(ColumnReduceKernel), nameof(ColumnReduceKernel.Run)),
        KernelEntryPoint.Implicit("uniform_draws", typeof(SingleStepKernels), nameof(SingleStepKernels.UniformDraws)),
        .. Environments.All.SelectMany(e => e.Device.KernelEntryPoints()).DistinctBy(k => k.Name),
    ];

    /// <summary>The entry of <paramref name="method"/> among <paramref name="listed"/> (default: <see cref="All"/>); throws if the method is not there.</summary>
    public static KernelEntryPoint For(MethodInfo method, IEnumerable<KernelEntryPoint>? listed = null) =>
        (listed ?? All).FirstOrDefault(k => k.Method == method)
        ?? throw new InvalidOperationException($"kernel {method.DeclaringType?.Name}.{method.Name} is not listed in {(listed is null ? "KernelEntryPoints.All" : "its environment's entry points")}");
}
