using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using ILGPU;
using ILGPU.Runtime;
using PolicyGradient.Kernels;
using Rows = ILGPU.Runtime.ArrayView2D<double, ILGPU.Stride2D.DenseX>;

namespace PolicyGradient.Devices;

/// <summary>Every kernel, loaded (compiled) once per accelerator and reused: the shared ones at once, each environment's on first use.</summary>
internal sealed class DeviceKernels
{
    private readonly ConcurrentDictionary<Type, object> _environments = new();

    public DeviceKernels(Accelerator accelerator)
    {
        Accelerator = accelerator;
        ColumnReduce = Load(Listed<Action<Index1D, ArrayView<AgentEpisodes>, Rows, Rows, ColumnReduceShape>>(ColumnReduceKernel.Run), k => accelerator.LoadAutoGroupedStreamKernel(k));
        UniformDraws = Load(Listed<Action<Index1D, ArrayView<ulong>, ArrayView<ulong>, ArrayView<float>>>(SingleStepKernels.UniformDraws), k => accelerator.LoadAutoGroupedStreamKernel(k));
    }

    public Accelerator Accelerator { get; }
    public Action<Index1D, ArrayView<AgentEpisodes>, Rows, Rows, ColumnReduceShape> ColumnReduce { get; }
    public Action<Index1D, ArrayView<ulong>, ArrayView<ulong>, ArrayView<float>> UniformDraws { get; }

    /// <summary>The device's counter-based uniform floats for each (key, counter) pair.</summary>
    public float[] UniformFloats(ulong[] keys, ulong[] counters)
    {
        using var k = Accelerator.Allocate1D(keys);
        using var c = Accelerator.Allocate1D(counters);
        using var draws = Accelerator.Allocate1D<float>(keys.Length);
        UniformDraws(keys.Length, k.View, c.View, draws.View);
        return draws.GetAsArray1D();
    }

    /// <summary>An environment's kernels (<typeparamref name="T"/> holds them), loaded by <paramref name="load"/> on first use.</summary>
    public T For<T>(Func<DeviceKernels, T> load) where T : class => (T)_environments.GetOrAdd(typeof(T), _ => load(this));

    /// <summary>
    /// Every kernel loaded must be listed: the shared ones in <see cref="KernelEntryPoints"/>, which
    /// the PTX compilation tests compile; an environment's among <paramref name="listed"/>, its own
    /// entry points (a built-in environment's are in KernelEntryPoints too; a user's are not).
    /// </summary>
    public static T Listed<T>(T kernel, IEnumerable<KernelEntryPoint>? listed = null) where T : Delegate
    {
        KernelEntryPoints.For(kernel.Method, listed);
        return kernel;
    }

    /// <summary>
    /// Loads a kernel with <paramref name="loader"/>. The CPU accelerator calls the kernel's .NET
    /// methods: the JIT compiles them on another core while ILGPU compiles the kernel here,
    /// instead of inside the first iteration.
    /// </summary>
    public TLoaded Load<TKernel, TLoaded>(TKernel kernel, Func<TKernel, TLoaded> loader) where TKernel : Delegate
    {
        Task methodsCompiled = Accelerator.AcceleratorType == AcceleratorType.CPU ? Task.Run(() => CompileMethods(kernel.Method)) : Task.CompletedTask;
        TLoaded loaded = loader(kernel);
        methodsCompiled.Wait();
        return loaded;
    }

    /// <summary>JIT-compiles a kernel's method and the methods of its class it calls (generic ones with the kernel's type arguments).</summary>
    private static void CompileMethods(MethodInfo kernel)
    {
        const BindingFlags methods = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        Type[] arguments = kernel.IsGenericMethod ? kernel.GetGenericArguments() : [];
        foreach (MethodInfo method in kernel.DeclaringType!.GetMethods(methods))
        {
            if (!method.IsGenericMethodDefinition)
                RuntimeHelpers.PrepareMethod(method.MethodHandle);
            else if (method.GetGenericArguments().Length == arguments.Length)
                TryPrepare(method, arguments);
        }
    }

    private static void TryPrepare(MethodInfo method, Type[] arguments)
    {
        try
        {
            RuntimeHelpers.PrepareMethod(method.MethodHandle, [.. arguments.Select(t => t.TypeHandle)]);
        }
        catch (ArgumentException)
        {
            // A generic method of the class whose constraints these arguments do not meet: the kernel does not call it.
        }
    }
}
