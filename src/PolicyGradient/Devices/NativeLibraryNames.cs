using System.Reflection;
using System.Runtime.InteropServices;
using ILGPU;

namespace PolicyGradient.Devices;

/// <summary>
/// ILGPU imports the CUDA driver as "cuda" and OpenCL as "OpenCL", so .NET looks for libcuda.so
/// and libOpenCL.so; many Linux machines ship only the versioned .so.1 and ILGPU then silently
/// finds no device. This resolver tries the versioned names as well.
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

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        string[] candidates = name switch
        {
            "cuda" or "nvcuda" => ["libcuda.so", "libcuda.so.1"],
            "OpenCL" => ["libOpenCL.so", "libOpenCL.so.1"],
            _ => [],
        };
        foreach (string candidate in candidates)
        {
            if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out IntPtr handle))
                return handle;
        }
        return IntPtr.Zero;
    }
}
