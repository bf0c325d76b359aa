using System.Reflection;
using System.Runtime.InteropServices;
using ILGPU;

namespace PolicyGradient.Devices;

/// <summary>
/// ILGPU imports the CUDA driver as "cuda" and OpenCL as "OpenCL", so .NET looks for libcuda.so
/// and libOpenCL.so; many Linux machines ship only the versioned .so.1 and ILGPU then silently
/// finds no device. This resolver loads the versioned sonames first: they are what the driver
/// and the ICD loader install, while an unversioned libcuda.so on the search path may be the
/// CUDA toolkit's link-time stub, which loads but has no devices.
/// </summary>
internal static class NativeLibraryNames
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1 || !OperatingSystem.IsLinux())
            return;
        NativeLibrary.SetDllImportResolver(typeof(Context).Assembly, Resolve);
    }

    /// <summary>The files tried, in order, for a library ILGPU imports; empty leaves it to .NET's own probing.</summary>
    public static IReadOnlyList<string> CandidatesFor(string importName) => importName switch
    {
        "cuda" or "nvcuda" => ["libcuda.so.1", "libcuda.so"],
        "OpenCL" => ["libOpenCL.so.1", "libOpenCL.so"],
        _ => [],
    };

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        foreach (string candidate in CandidatesFor(name))
        {
            if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out IntPtr handle))
                return handle;
        }
        return IntPtr.Zero;
    }
}
