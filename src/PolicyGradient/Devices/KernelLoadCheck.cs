using System.Diagnostics;
using ILGPU.Runtime;

namespace PolicyGradient.Devices;

/// <summary>Whether every kernel loaded, how long it took, and else the first one that failed and why.</summary>
/// <param name="Failed">The kernel that failed to load; null when all did.</param>
/// <param name="Error">The exception's type and message.</param>
/// <param name="DriverLog">What ILGPU traced while loading it: for CUDA, the driver's PTX JIT log.</param>
internal sealed record KernelLoadReport(int Loaded, int Total, double Milliseconds, string? Failed = null, string? Error = null, string? DriverLog = null)
{
    public bool AllLoaded => Failed is null;

    /// <summary>"6 kernels loaded in 812 ms", or the failed kernel with the error, then the driver's log lines.</summary>
    public IEnumerable<string> Lines()
    {
        if (AllLoaded)
        {
            yield return $"{Loaded} kernels loaded in {Milliseconds:F0} ms";
            yield break;
        }
        yield return $"kernel {Failed} failed to load ({Loaded} of {Total} loaded before it): {Error}";
        if (string.IsNullOrWhiteSpace(DriverLog))
            yield return "  the driver gave no log";
        else
        {
            foreach (string line in DriverLog.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                yield return $"  {line}";
        }
    }
}

/// <summary>
/// Loads every kernel on an accelerator, one at a time, the way a run does: on a GPU this is where
/// the driver JIT-compiles the PTX, so a driver that cannot passes `pgvec devices` only if nothing
/// loads a kernel there. ILGPU writes the driver's JIT log only to <see cref="Trace"/>: it is
/// captured while each kernel loads.
/// </summary>
internal static class KernelLoadCheck
{
    public static KernelLoadReport Run(Accelerator accelerator) => Run(accelerator, KernelEntryPoints.All);

    public static KernelLoadReport Run(Accelerator accelerator, IReadOnlyList<KernelEntryPoint> kernels)
    {
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < kernels.Count; i++)
        {
            KernelEntryPoint kernel = kernels[i];
            var log = new StringWriter();
            var listener = new TextWriterTraceListener(log);
            Trace.Listeners.Add(listener);
            try
            {
                using Kernel loaded = kernel.ImplicitlyGrouped
                    ? accelerator.LoadAutoGroupedKernel(kernel.Method)
                    : accelerator.LoadKernel(kernel.Method);
            }
            catch (Exception e)
            {
                listener.Flush();
                return new KernelLoadReport(i, kernels.Count, clock.Elapsed.TotalMilliseconds, kernel.Name,
                    $"{e.GetType().Name}: {e.Message.Split('\n')[0].Trim()}", log.ToString());
            }
            finally
            {
                Trace.Listeners.Remove(listener);
                listener.Dispose();
            }
        }
        return new KernelLoadReport(kernels.Count, kernels.Count, clock.Elapsed.TotalMilliseconds);
    }
}
