using System.Reflection;
using System.Runtime.Loader;
using PolicyGradient.Kernels;

namespace PolicyGradient.Environment.Assemblies;

/// <summary>
/// Where a user's environment assembly is loaded: its own dependencies from beside it, but
/// PolicyGradient.Kernels and what it depends on (ILGPU), and the trainer (a program that trains
/// its environment with the library, as samples/PointMass does, references it), always pgvec's
/// own, whatever copies lie beside the assembly. Loaded twice, the kernels' IEnvironment would be
/// two types, and the user's struct would implement one the engine does not know.
/// </summary>
internal sealed class EnvironmentLoadContext(string path) : AssemblyLoadContext($"pgvec environments {System.IO.Path.GetFileName(path)}")
{
    /// <summary>The assembly every environment references: the one pgvec's kernels are compiled from.</summary>
    public static readonly Assembly Kernels = typeof(IEnvironment<,>).Assembly;

    private static readonly HashSet<string> Shared =
        [Kernels.GetName().Name!, .. Kernels.GetReferencedAssemblies().Select(a => a.Name!), typeof(EnvironmentLoadContext).Assembly.GetName().Name!];

    private readonly AssemblyDependencyResolver _resolver = new(path);

    /// <summary>Whether this assembly is pgvec's own in every environment context.</summary>
    private static bool IsShared(AssemblyName name) => name.Name is { } simple && Shared.Contains(simple);

    protected override Assembly? Load(AssemblyName name)
    {
        if (IsShared(name))
            // By simple name: the copy pgvec runs, whatever version the environment was built against (checked apart).
            return GetLoadContext(Kernels)!.LoadFromAssemblyName(new AssemblyName(name.Name!));
        string? found = _resolver.ResolveAssemblyToPath(name);
        return found is null ? null : LoadFromAssemblyPath(found);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } found ? LoadUnmanagedDllFromPath(found) : IntPtr.Zero;
}
