using System.Globalization;
using PolicyGradient.Output;

namespace Pgvec.Commands;

/// <summary>compare's table: one row per run, then the speed-ups of batched over baseline.</summary>
internal static class ComparisonTable
{
    public static void Print(ComparisonSummary comparison, TextWriter stdout)
    {
        stdout.WriteLine();
        stdout.WriteLine($"{"run",-10} {"solved",-7} {"set-up (s)",11} {"to solve (s)",13} {"env-steps",14} {"env-steps/s",13}");
        Row(stdout, "baseline", comparison.Baseline);
        Row(stdout, "batched", comparison.Batched);
        stdout.WriteLine($"speed-up of batched over baseline: to solve with set-up {Ratio(comparison.SpeedupToSolveWithSetup)} (the headline), " +
                         $"training loops only {Ratio(comparison.SpeedupWallToSolve)}; env-steps/s {Ratio(comparison.SpeedupEnvStepsPerSecond)}");
    }

    private static void Row(TextWriter stdout, string name, RunSummary run)
    {
        string toSolve = run.SecondsToSolve is double s ? s.ToString("F2", CultureInfo.InvariantCulture) : "-";
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-10} {(run.Solved ? "yes" : "no"),-7} {run.SetupSeconds,11:F2} {toSolve,13} {run.EnvSteps,14:N0} {run.EnvStepsPerSecond,13:N0}"));
    }

    private static string Ratio(double? ratio) =>
        ratio is double r ? r.ToString("G3", CultureInfo.InvariantCulture) + "x" : "n/a";
}
