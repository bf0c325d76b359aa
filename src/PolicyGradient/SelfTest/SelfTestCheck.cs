using System.Globalization;

namespace PolicyGradient.SelfTest;

/// <summary>One check of `pgvec selftest`: its worst error against what it allows.</summary>
/// <param name="Detail">What was compared (counts), or why it failed.</param>
internal sealed record SelfTestCheck(string Name, double WorstError, double Tolerance, string Detail)
{
    /// <summary>NaN (a failed computation) never passes.</summary>
    public bool Passed => WorstError <= Tolerance;

    /// <summary>The check's line; names padded to the longest, "mountaincarcontinuous step".</summary>
    public string Line => string.Create(CultureInfo.InvariantCulture,
        $"{Name,-26} worst {WorstError,9:E2}  tolerance {Tolerance,8:E1}  {(Passed ? "pass" : "FAIL")}  ({Detail})");
}
