namespace Pgvec.Progress;

/// <summary>What both live displays draw: a bar of a fraction, and lines kept off the terminal's last column.</summary>
internal static class TerminalText
{
    public const int BarWidth = 16;

    /// <summary>"[#####...........]": <paramref name="fraction"/> (0 to 1) of the bar filled.</summary>
    public static string Bar(double fraction)
    {
        int filled = (int)Math.Round(Math.Clamp(fraction, 0, 1) * BarWidth);
        return $"[{new string('#', filled)}{new string('.', BarWidth - filled)}]";
    }

    /// <summary>The line cut to the terminal's width less one column: writing into the last column wraps on some terminals.</summary>
    public static string Fit(string line, int width) => line.Length < width ? line : line[..(width - 1)];
}
