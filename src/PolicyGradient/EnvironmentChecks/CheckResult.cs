namespace PolicyGradient.EnvironmentChecks;

/// <summary>How a check came out. A warning does not fail the environment; a check skipped says why.</summary>
public enum CheckOutcome
{
    Passed,
    Warning,
    Failed,
    Skipped,
}

/// <summary>One check of an environment: its name, how it came out, and one line saying what it saw.</summary>
public sealed record CheckResult(string Name, CheckOutcome Outcome, string Detail)
{
    public static CheckResult Pass(string name, string detail) => new(name, CheckOutcome.Passed, detail);
    public static CheckResult Warn(string name, string detail) => new(name, CheckOutcome.Warning, detail);
    public static CheckResult Fail(string name, string detail) => new(name, CheckOutcome.Failed, detail);
    public static CheckResult Skip(string name, string detail) => new(name, CheckOutcome.Skipped, detail);

    /// <summary>"PASS  reset is deterministic: 16 streams reset twice give the same bits".</summary>
    public override string ToString() => $"{Outcome switch
    {
        CheckOutcome.Passed => "PASS",
        CheckOutcome.Warning => "WARN",
        CheckOutcome.Failed => "FAIL",
        _ => "SKIP",
    },-4}  {Name}: {Detail}";
}
