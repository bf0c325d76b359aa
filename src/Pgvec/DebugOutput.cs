using System.Diagnostics;

namespace Pgvec;

/// <summary>
/// PGVEC_DEBUG=1: what a first contact with a GPU needs to explain a failure. ILGPU writes the
/// driver's PTX JIT log only to <see cref="Trace"/>, and pgvec prints one line of an exception;
/// with debug output on, the trace goes to stderr and a failure prints the whole exception
/// (type, message, inner exceptions, stack) after its line.
/// </summary>
internal sealed class DebugOutput : IDisposable
{
    public const string Variable = "PGVEC_DEBUG";

    private readonly TextWriterTraceListener? _listener;

    private DebugOutput(TextWriter? stderr)
    {
        if (stderr is null)
            return;
        _listener = new TextWriterTraceListener(stderr) { Name = "pgvec-debug" };
        Trace.Listeners.Add(_listener);
    }

    public bool On => _listener is not null;

    /// <summary>Debug output as <see cref="Variable"/> asks: on for "1", else off.</summary>
    public static DebugOutput FromEnvironment(TextWriter stderr) => Start(System.Environment.GetEnvironmentVariable(Variable) == "1", stderr);

    /// <summary>While on, traces go to <paramref name="stderr"/>; disposing stops that.</summary>
    public static DebugOutput Start(bool on, TextWriter stderr) => new(on ? stderr : null);

    /// <summary>After a failure's one line: the whole exception, when on.</summary>
    public void Report(Exception e, TextWriter stderr)
    {
        if (!On)
            return;
        _listener!.Flush();
        stderr.WriteLine($"pgvec: {Variable}=1, the whole exception:");
        stderr.WriteLine(e.ToString());
    }

    public void Dispose()
    {
        if (_listener is null)
            return;
        _listener.Flush();
        // Not disposed: that would close stderr.
        Trace.Listeners.Remove(_listener);
    }
}
