namespace PolicyGradient.Tests.Cli;

/// <summary>
/// Whether a child of this process can receive SIGINT at all: a process started in the
/// background without job control (`cmd &` in a script) ignores SIGINT, and its children inherit
/// that, so pgvec would rightly never see the signal the test sends.
/// </summary>
public static class SignalDelivery
{
    public static void SkipIfSigintIgnored()
    {
        const ulong sigint = 1UL << (2 - 1);
        string? ignored = File.Exists("/proc/self/status")
            ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:"))?["SigIgn:".Length..].Trim()
            : null;
        Skip.If(ignored is not null && (Convert.ToUInt64(ignored, 16) & sigint) != 0,
            "SIGINT is ignored in this test process (started in the background without job control), so no child can receive it");
    }
}
