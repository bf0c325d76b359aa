using System.Runtime.InteropServices;

namespace Pgvec;

/// <summary>
/// SIGINT / SIGTERM: the first asks the running training to stop after its current update, so
/// the run still writes its checkpoint and summary.json (marked interrupted) and exits 130; a
/// second one writes a summary saying the run was quit (through <see cref="OnQuit"/>) and exits
/// at once. Once a run has settled its outcome (<see cref="Settle"/>), a signal is held back
/// until <see cref="Reopen"/> (compare's next half), so what the run printed, wrote and exits
/// with always agree.
/// </summary>
internal static class Interruption
{
    public const int ExitCode = 130;

    private static readonly CancellationTokenSource Requests = new();
    private static readonly List<PosixSignalRegistration> Registrations = [];
    private static readonly Lock Gate = new();

    /// <summary>Cancelled once a stop is asked for; never, in-process callers that did not <see cref="Install"/>.</summary>
    public static CancellationToken Token => Requests.Token;

    public static bool Requested => Requests.IsCancellationRequested;

    private static bool _announce = true;
    private static bool _settled;
    private static bool _heldBack;
    private static Action? _quit;

    /// <summary>Called by the executable only: tests running the CLI in-process keep their signals.</summary>
    /// <param name="announce">Say so on stderr when asked to stop (not under MPI: see Program).</param>
    public static void Install(bool announce = true)
    {
        _announce = announce;
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
            Registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
    }

    /// <summary>
    /// A run that has not started its first iteration ends here, before it opens a device or
    /// writes anything. Not under MPI (nothing announces there): a rank leaving alone would
    /// leave the others waiting in a collective; the ranks agree to stop in the training loop.
    /// </summary>
    public static void ThrowIfRequested()
    {
        if (Requested && _announce)
            throw new RunInterruptedException();
    }

    /// <summary>
    /// The run's outcome is being written: returns whether a stop was asked for before now (the
    /// run is then interrupted, whatever else it did); a signal from now on is held back.
    /// </summary>
    public static bool Settle()
    {
        lock (Gate)
        {
            _settled = true;
            return Requested;
        }
    }

    /// <summary>Another run of the same command starts (compare's batched half): a signal held back since <see cref="Settle"/> stops it now.</summary>
    public static void Reopen()
    {
        lock (Gate)
        {
            _settled = false;
            if (_heldBack)
                Request();
        }
    }

    /// <summary>What a second signal does before the process exits: write what the run can say about itself. Disposing forgets it.</summary>
    public static IDisposable OnQuit(Action quit)
    {
        lock (Gate)
            _quit = quit;
        return new Forget();
    }

    private sealed class Forget : IDisposable
    {
        public void Dispose()
        {
            lock (Gate)
                _quit = null;
        }
    }

    private static void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        lock (Gate)
        {
            if (_settled)
            {
                _heldBack = true;
                return;
            }
            if (!Requested)
            {
                Request();
                return;
            }
            try
            {
                _quit?.Invoke();
            }
            finally
            {
                System.Environment.Exit(ExitCode);
            }
        }
    }

    private static void Request()
    {
        if (_announce)
            Console.Error.WriteLine("pgvec: interrupted: stopping after the current update and saving what was done (interrupt again to quit at once)");
        Requests.Cancel();
    }
}

/// <summary>Stopped by a signal before the first iteration: nothing was trained and nothing is written.</summary>
internal sealed class RunInterruptedException() : Exception("interrupted before the first iteration: nothing was trained or written");
