namespace PolicyGradient.EnvironmentChecks;

/// <summary>How a check came out. A warning does not fail the environment; a check skipped says why.</summary>
public enum CheckOutcome
{
    /// <summary>The environment does what the check asks.</summary>
    Passed,
    /// <summary>It works, but something is worth knowing (a slow construct, episodes that only truncate).</summary>
    Warning,
    /// <summary>It does not: the detail says where and what to do.</summary>
    Failed,
    /// <summary>The check could not run (the detail says why) or does not apply.</summary>
    Skipped,
}

/// <summary>One check of an environment (<see cref="EnvironmentChecker"/>): its name, how it came out, and one line saying what it saw.</summary>
/// <param name="Name">What is checked, e.g. "reset is deterministic".</param>
/// <param name="Outcome">How it came out.</param>
/// <param name="Detail">What the check saw, in one line: for a failure, where and what to do instead.</param>
public sealed record CheckResult(string Name, CheckOutcome Outcome, string Detail)
{
    internal static CheckResult Pass(string name, string detail) => new(name, CheckOutcome.Passed, detail);
    internal static CheckResult Warn(string name, string detail) => new(name, CheckOutcome.Warning, detail);
    internal static CheckResult Fail(string name, string detail) => new(name, CheckOutcome.Failed, detail);
    internal static CheckResult Skip(string name, string detail) => new(name, CheckOutcome.Skipped, detail);

    /// <summary>The line `pgvec check-env` prints, e.g. "PASS  reset is deterministic: 16 streams, each reset twice, gave the same bits".</summary>
    public override string ToString() => $"{Outcome switch
    {
        CheckOutcome.Passed => "PASS",
        CheckOutcome.Warning => "WARN",
        CheckOutcome.Failed => "FAIL",
        _ => "SKIP",
    },-4}  {Name}: {Detail}";
}
