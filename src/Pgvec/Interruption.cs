using System.Runtime.InteropServices;

namespace Pgvec;

/// <summary>
/// SIGINT / SIGTERM: the first asks the running training to stop after its current update, so
/// the run still writes its checkpoint and summary.json (marked interrupted) and exits 130; a
/// second one exits at once.
/// </summary>
public static class Interruption
{
    public const int ExitCode = 130;

    private static readonly CancellationTokenSource Requests = new();
    private static readonly List<PosixSignalRegistration> Registrations = [];

    /// <summary>Cancelled once a stop is asked for; never, in-process callers that did not <see cref="Install"/>.</summary>
    public static CancellationToken Token => Requests.Token;

    public static bool Requested => Requests.IsCancellationRequested;

    private static bool _announce = true;

    /// <summary>Called by the executable only: tests running the CLI in-process keep their signals.</summary>
    /// <param name="announce">Say so on stderr when asked to stop (not under MPI: see Program).</param>
    public static void Install(bool announce = true)
    {
        _announce = announce;
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
            Registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
    }

    private static void OnSignal(PosixSignalContext context)
    {
        if (Requests.IsCancellationRequested)
            System.Environment.Exit(ExitCode);
        context.Cancel = true;
        if (_announce)
            Console.Error.WriteLine("pgvec: interrupted: stopping after this update and saving (interrupt again to quit at once)");
        Requests.Cancel();
    }
}
