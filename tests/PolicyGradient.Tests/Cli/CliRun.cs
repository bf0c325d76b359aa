using Pgvec;

namespace PolicyGradient.Tests.Cli;

/// <summary>One in-process pgvec invocation: exit code and everything it printed.</summary>
public sealed record CliRun(int Exit, string Stdout, string Stderr)
{
    public static CliRun Of(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = Pgvec.Cli.Run(args, stdout, stderr);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }

    public string[] StderrLines => Lines(Stderr);

    /// <summary>Bad usage or input: exit 2, nothing on stdout, one line on stderr holding every fragment.</summary>
    public void AssertUsageError(params string[] fragments)
    {
        Assert.Equal(2, Exit);
        Assert.Equal("", Stdout);
        string line = Assert.Single(StderrLines);
        Assert.StartsWith("pgvec: ", line);
        Assert.All(fragments, f => Assert.Contains(f, line));
    }

    /// <summary>A runtime failure: exit 1, one line on stderr, no stack trace.</summary>
    public void AssertRuntimeFailure()
    {
        Assert.Equal(1, Exit);
        Assert.StartsWith("pgvec: error: ", Assert.Single(StderrLines));
        Assert.DoesNotContain(" at ", Stderr);
    }
    public string[] StdoutLines => Lines(Stdout);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>A fresh directory for a run's output, removed afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("pgvec-test-").FullName;

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
