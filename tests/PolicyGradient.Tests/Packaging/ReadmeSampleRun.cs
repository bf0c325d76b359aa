using System.Diagnostics;
using PolicyGradient.Tests.Cli;

namespace PolicyGradient.Tests.Packaging;

/// <summary>
/// Runs README's "Your own environment" commands once for the test class, as a newcomer would:
/// they pack the packages into a local feed, make a console app of samples/PointMass from them,
/// and train it. The test adds only a nuget.config in the folder the commands run in, so the
/// sample restores offline (the local feed and this machine's NuGet cache as its only sources)
/// into a package folder of its own (never the machine's cache, where a package of the same
/// version but older code would outlive the test).
/// </summary>
public sealed class ReadmeSampleRun : IDisposable
{
    public const string Section = "## Your own environment";

    private readonly TempDirectory _folder = new();

    public ReadmeSampleRun()
    {
        string globalPackages = MachinePackageFolder();
        File.WriteAllText(_folder.Combine("nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{_folder.Combine("global-packages")}" />
              </config>
              <packageSources>
                <clear />
                <add key="machine-cache" value="{globalPackages}" />
              </packageSources>
            </configuration>
            """);
        var watch = Stopwatch.StartNew();
        (Exit, Output) = Run("bash", ["-euo", "pipefail", "-c", string.Join('\n', Commands())], _folder.Path, TimeSpan.FromMinutes(10));
        Seconds = watch.Elapsed.TotalSeconds;
    }

    public int Exit { get; }
    public string Output { get; }
    public double Seconds { get; }

    /// <summary>A path inside the folder the commands ran in.</summary>
    public string Combine(params string[] parts) => _folder.Combine(parts);

    /// <summary>The lines of the section's first sh block, as README shows them.</summary>
    public static IReadOnlyList<string> Commands() => ShBlock(Section);

    /// <summary>The lines of the first sh block after the README line <paramref name="heading"/>.</summary>
    public static IReadOnlyList<string> ShBlock(string heading)
    {
        string[] readme = File.ReadAllLines(Path.Combine(ReferenceData.RepositoryRoot, "README.md"));
        int section = Array.IndexOf(readme, heading);
        Assert.True(section >= 0, $"README has no section '{heading}'");
        int start = Array.IndexOf(readme, "```sh", section) + 1;
        int end = Array.IndexOf(readme, "```", start);
        Assert.True(start > 0 && end > start, $"README's section '{heading}' has no ```sh block");
        return readme[start..end];
    }

    /// <summary>The NuGet cache this machine's builds restore into (the tests' own packages were restored there).</summary>
    private static string MachinePackageFolder()
    {
        var (exit, output) = Run("dotnet", ["nuget", "locals", "global-packages", "--list"], ReferenceData.RepositoryRoot, TimeSpan.FromMinutes(1));
        Assert.True(exit == 0, output);
        return output.Trim().Split("global-packages:", 2)[1].Trim();
    }

    /// <summary>Runs a program in <paramref name="directory"/> as a shell would, its output and error interleaved.</summary>
    public static (int Exit, string Output) Run(string program, string[] arguments, string directory, TimeSpan limit)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PGVEC"] = ReferenceData.RepositoryRoot;
        // Builds started by a test must not inherit the test run's MSBuild, nor leave build nodes behind.
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (-1, $"{program} did not finish within {limit}:\n{output}");
        }
        process.WaitForExit();
        lock (output)
            return (process.ExitCode, output.ToString());
    }

    public void Dispose() => _folder.Dispose();
}
