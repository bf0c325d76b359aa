using System.Reflection;
using System.Runtime.InteropServices;
using ILGPU;

namespace PolicyGradient.Devices;

/// <summary>What pgvec learnt about the CUDA driver by asking it directly.</summary>
/// <param name="Tried">The library files tried, in order (<see cref="NativeLibraryNames"/>'s, as ILGPU gets them).</param>
/// <param name="Library">The file that loaded; null when none did.</param>
/// <param name="Path">Where the loaded library lies (from the process's memory map), when found.</param>
/// <param name="LoadError">Why the first file did not load, as the dynamic loader says it.</param>
/// <param name="MissingEntryPoints">Driver functions ILGPU calls that the library does not export.</param>
/// <param name="InitResult">cuInit(0)'s CUresult, e.g. "0 CUDA_SUCCESS" or "100 CUDA_ERROR_NO_DEVICE"; null when not called.</param>
/// <param name="DriverVersion">cuDriverGetVersion's CUDA version, e.g. "12.4".</param>
internal sealed record CudaDriverReport(
    IReadOnlyList<string> Tried,
    string? Library,
    string? Path,
    string? LoadError,
    IReadOnlyList<string> MissingEntryPoints,
    string? InitResult,
    string? DriverVersion,
    int? DeviceCount)
{
    public bool Loaded => Library is not null;

    /// <summary>One line for `pgvec devices`: which library, cuInit's answer, the driver version and the devices, or what went wrong first.</summary>
    public string Line()
    {
        if (!Loaded)
            return $"cuda driver: none loaded (tried {string.Join(", ", Tried)}){(LoadError is null ? "" : $"; {LoadError}")}; " +
                   "install the NVIDIA driver, or add the folder holding libcuda.so.1 to LD_LIBRARY_PATH";
        var parts = new List<string> { $"cuda driver: {Library} loaded{(Path is null ? "" : $" from {Path}")}" };
        var facts = new List<string>();
        if (InitResult is not null)
            facts.Add($"cuInit {InitResult}");
        if (DriverVersion is not null)
            facts.Add($"driver CUDA {DriverVersion}");
        if (DeviceCount is { } count)
            facts.Add($"{count} device{(count == 1 ? "" : "s")}");
        if (facts.Count > 0)
            parts.Add(string.Join(", ", facts));
        if (MissingEntryPoints.Count > 0)
            parts.Add($"it lacks {string.Join(", ", MissingEntryPoints.Take(5))}{(MissingEntryPoints.Count > 5 ? $" and {MissingEntryPoints.Count - 5} more" : "")} " +
                      "that ILGPU calls: a stub or another library, not the NVIDIA driver, or a driver too old");
        return string.Join("; ", parts);
    }

    /// <summary>The reason in a few words, for "no cuda device found (...)".</summary>
    public string Reason() =>
        !Loaded ? $"no libcuda loaded: tried {string.Join(", ", Tried)}"
        : MissingEntryPoints.Count > 0 ? $"{Library} lacks {(MissingEntryPoints.Contains("cuInit") ? "cuInit" : MissingEntryPoints[0])}"
        : InitResult is not null && !InitResult.StartsWith("0 ", StringComparison.Ordinal) ? $"cuInit {InitResult}"
        : DeviceCount is { } count
            ? $"the CUDA {DriverVersion ?? "unknown"} driver reports {count} device{(count == 1 ? "" : "s")}{(count > 0 ? ", which ILGPU did not list" : "")}"
            : $"the CUDA {DriverVersion ?? "unknown"} driver did not say how many devices it has";
}

/// <summary>
/// Asks the CUDA driver directly what ILGPU's device enumeration swallows (it catches every
/// exception: a missing libcuda, a missing entry point and a failing cuInit all read "no device"):
/// which library loads, whether it exports what ILGPU calls, cuInit's result, the driver
/// version and the device count.
/// </summary>
internal static class CudaDriverProbe
{
    private const int Success = 0;

    /// <summary>The driver functions ILGPU 1.5.3 imports from "cuda".</summary>
    public static IReadOnlyList<string> EntryPointsIlgpuCalls { get; } = typeof(Context).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
        .Select(m => (Method: m, Import: m.GetCustomAttribute<DllImportAttribute>()))
        .Where(m => m.Import?.Value == "cuda")
        .Select(m => m.Import!.EntryPoint ?? m.Method.Name)
        .Distinct()
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>Probes the library files ILGPU would load on this OS.</summary>
    public static CudaDriverReport Run() =>
        Run(OperatingSystem.IsWindows() ? ["nvcuda.dll"] : NativeLibraryNames.CandidatesFor("cuda"));

    /// <summary>Probes the first of <paramref name="candidates"/> that loads (a test passes its own).</summary>
    public static unsafe CudaDriverReport Run(IReadOnlyList<string> candidates)
    {
        string? loadError = null;
        foreach (string candidate in candidates)
        {
            IntPtr handle;
            try
            {
                handle = NativeLibrary.Load(candidate, typeof(Context).Assembly, null);
            }
            catch (DllNotFoundException e)
            {
                loadError ??= LoaderReason(e.Message, candidate);
                continue;
            }
            catch (BadImageFormatException e)
            {
                loadError ??= $"{candidate}: {e.Message.Split('\n')[0].Trim()}";
                continue;
            }

            string[] missing = [.. EntryPointsIlgpuCalls.Where(name => !NativeLibrary.TryGetExport(handle, name, out _))];
            NativeLibrary.TryGetExport(handle, "cuInit", out IntPtr cuInit);
            string? path = MappedPath(cuInit, candidate);
            if (cuInit == IntPtr.Zero)
                return new CudaDriverReport(candidates, candidate, path, null, missing.Length > 0 ? missing : ["cuInit"], null, null, null);

            int init = ((delegate* unmanaged<uint, int>)cuInit)(0);
            string initResult = $"{init} {ErrorName(handle, init)}";
            string? version = null;
            if (NativeLibrary.TryGetExport(handle, "cuDriverGetVersion", out IntPtr getVersion))
            {
                int v = 0;
                if (((delegate* unmanaged<int*, int>)getVersion)(&v) == Success)
                    version = $"{v / 1000}.{v % 1000 / 10}";
            }
            int? count = null;
            if (init == Success && NativeLibrary.TryGetExport(handle, "cuDeviceGetCount", out IntPtr getCount))
            {
                int n = 0;
                if (((delegate* unmanaged<int*, int>)getCount)(&n) == Success)
                    count = n;
            }
            return new CudaDriverReport(candidates, candidate, path, null, missing, initResult, version, count);
        }
        return new CudaDriverReport(candidates, null, null, loadError, [], null, null, null);
    }

    /// <summary>cuGetErrorName's name of a CUresult, when the driver has it.</summary>
    private static unsafe string ErrorName(IntPtr library, int result)
    {
        if (!NativeLibrary.TryGetExport(library, "cuGetErrorName", out IntPtr getName))
            return "(no cuGetErrorName)";
        byte* name = null;
        return ((delegate* unmanaged<int, byte**, int>)getName)(result, &name) == Success && name is not null
            ? Marshal.PtrToStringUTF8((IntPtr)name) ?? "unknown"
            : "unknown";
    }

    /// <summary>
    /// Why the library did not load: "not found" when every place .NET tried said no such file,
    /// else the dynamic loader's own words for the file it found but could not load (a wrong
    /// architecture, a missing dependency), from .NET's multi-line message.
    /// </summary>
    private static string LoaderReason(string message, string candidate)
    {
        string[] tried = [.. message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith("Unable to load", StringComparison.Ordinal) && l.Contains(candidate + ": ", StringComparison.Ordinal))];
        return tried.FirstOrDefault(l => !l.EndsWith("No such file or directory", StringComparison.Ordinal))
               ?? $"{candidate} is not on the library search path (LD_LIBRARY_PATH, ldconfig's cache, the program's folder)";
    }

    /// <summary>
    /// The file mapped at <paramref name="address"/> (an export of the library) in /proc/self/maps,
    /// else the first mapped file named like <paramref name="candidate"/>; null where there is no such map (not Linux).
    /// </summary>
    private static string? MappedPath(IntPtr address, string candidate)
    {
        const string maps = "/proc/self/maps";
        if (!File.Exists(maps))
            return null;
        string stem = System.IO.Path.GetFileName(candidate).Split(".so")[0] + ".so";
        string? named = null;
        foreach (string line in File.ReadLines(maps))
        {
            // "start-end perms offset dev inode   path"
            string[] fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 6 || !fields[5].StartsWith('/'))
                continue;
            string path = fields[5].Trim();
            string[] range = fields[0].Split('-');
            if (address != IntPtr.Zero
                && ulong.TryParse(range[0], System.Globalization.NumberStyles.HexNumber, null, out ulong start)
                && ulong.TryParse(range[1], System.Globalization.NumberStyles.HexNumber, null, out ulong end)
                && (ulong)address >= start && (ulong)address < end)
                return path;
            if (named is null && System.IO.Path.GetFileName(path).StartsWith(stem, StringComparison.Ordinal))
                named = path;
        }
        return named;
    }
}
