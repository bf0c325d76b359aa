using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PolicyGradient.Checkpoints;
using PolicyGradient.Policy;
using Xunit.Abstractions;

namespace PolicyGradient.Tests.Packaging;

/// <summary>
/// What a user installs is what is tested: README's commands pack the packages, build
/// samples/PointMass against them (not against this repository's projects) and train it.
/// </summary>
public class ReadmeSampleTests(ReadmeSampleRun run, ITestOutputHelper log) : IClassFixture<ReadmeSampleRun>
{
    private static readonly string Version = RepositoryVersion();

    /// <summary>Packages the trainer must never bring with it: plotting, ONNX and Protobuf, and their native libraries.</summary>
    private static readonly string[] Forbidden = ["ScottPlot", "SkiaSharp", "HarfBuzz", "OnnxRuntime", "Protobuf", "Grpc"];

    [Fact]
    public void The_README_commands_build_the_sample_from_the_packages_train_it_and_save_its_policy()
    {
        log.WriteLine($"README's commands took {run.Seconds:F0} s");
        Assert.True(run.Exit == 0, run.Output);
        Assert.Matches(@"Solved after \d+ iterations", run.Output);
        double random = MeanReturn("random actions");
        double trained = MeanReturn("trained policy (greedy)");
        Assert.True(trained > random + 10, $"the trained policy's mean return {trained} does not beat random actions' {random}");

        PolicyParameters policy = PolicyTensors.Read(run.Combine("PointMass", "point-mass.safetensors"));
        Assert.Equal((2, 3), (policy.Layout.Inputs, policy.Layout.Actions));
        // Restored from the local feed into the sample's own package folder: the packages, not the projects.
        Assert.True(File.Exists(run.Combine("global-packages", "policygradient", Version, $"policygradient.{Version}.nupkg")));
    }

    /// <summary>README's pgvec commands for the sample's own .dll, as built from the packages, run as written in the sample's folder.</summary>
    [Fact]
    public void The_README_env_assembly_commands_check_train_and_evaluate_the_sample_with_pgvec()
    {
        Assert.True(run.Exit == 0, run.Output);
        string pgvec = typeof(Pgvec.Cli).Assembly.Location;
        IReadOnlyList<string> commands = ReadmeSampleRun.ShBlock("### From the command line: `--env-assembly`");
        Assert.Equal(["check-env", "train", "eval"], commands.Select(c => c.Split(' ')[1]));
        var outputs = new List<string>();
        foreach (string command in commands)
        {
            // As a shell runs it, pgvec being this build's.
            var (exit, output) = ReadmeSampleRun.Run("bash", ["-euo", "pipefail", "-c", $"pgvec() {{ dotnet '{pgvec}' \"$@\"; }}\n{command}"], run.Combine("PointMass"), TimeSpan.FromMinutes(2));
            log.WriteLine($"$ {command}\n{output}");
            Assert.True(exit == 0, $"{command}: exit {exit}\n{output}");
            outputs.Add(output);
        }
        Assert.Matches(@"18 checks in [\d.]+ s: \d+ passed, \d+ warnings, 0 failed", outputs[0]);
        Assert.Matches(@"batched: solved in [\d.]+ s after \d+ iterations", outputs[1]);
        Assert.Contains("on PointMass-v0 (float32 struct of PointMass", outputs[2]);
    }

    [Fact]
    public void The_sample_project_is_what_the_README_commands_make_of_dotnet_new_console()
    {
        Assert.True(run.Exit == 0, run.Output);
        Assert.Equal(PackageReferences(Path.Combine(ReferenceData.RepositoryRoot, "samples", "PointMass", "PointMass.csproj")),
            PackageReferences(run.Combine("PointMass", "PointMass.csproj")));
        Assert.Contains($"dotnet add package PolicyGradient --version {Version}", ReadmeSampleRun.Commands());
    }

    [Fact]
    public void The_trainer_packages_dependency_closure_has_no_plotting_ONNX_or_Protobuf_package()
    {
        Assert.True(run.Exit == 0, run.Output);
        var closure = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<(string Id, string Version)>([("PolicyGradient", Version)]);
        while (pending.TryPop(out var package))
        {
            if (!closure.Add(package.Id))
                continue;
            foreach (XElement dependency in DependenciesOnNet10(Nuspec(package.Id, package.Version)))
                pending.Push((dependency.Attribute("id")!.Value, LowestVersion(dependency.Attribute("version")!.Value)));
        }
        log.WriteLine($"closure: {string.Join(", ", closure)}");

        Assert.Equal(["ILGPU", "ILGPU.Algorithms", "PolicyGradient", "PolicyGradient.Kernels"], closure);
        Assert.DoesNotContain(closure, id => Forbidden.Any(f => id.Contains(f, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>A package's .nuspec: ours from the local feed the commands packed into, the rest as the restore extracted them.</summary>
    private XDocument Nuspec(string id, string version)
    {
        string packed = run.Combine("packages", $"{id}.{version}.nupkg");
        if (File.Exists(packed))
        {
            using ZipArchive archive = ZipFile.OpenRead(packed);
            using Stream stream = archive.GetEntry($"{id}.nuspec")!.Open();
            return XDocument.Load(stream);
        }
        string folder = run.Combine("global-packages", id.ToLowerInvariant(), version);
        Assert.True(Directory.Exists(folder), $"{id} {version} was neither packed nor restored");
        return XDocument.Load(Path.Combine(folder, $"{id.ToLowerInvariant()}.nuspec"));
    }

    /// <summary>The dependencies a net10.0 project takes: the group of the newest .NET up to 10, else .NET Standard's, else the ungrouped list.</summary>
    private static IEnumerable<XElement> DependenciesOnNet10(XDocument nuspec)
    {
        XElement[] groups = [.. nuspec.Descendants().Where(e => e.Name.LocalName == "group")];
        if (groups.Length == 0)
            return nuspec.Descendants().Where(e => e.Name.LocalName == "dependency");
        XElement group = groups
            .Select(g => (Group: g, Net: NetVersion(g.Attribute("targetFramework")?.Value)))
            .Where(g => g.Net is <= 10)
            .OrderByDescending(g => g.Net)
            .Select(g => g.Group)
            .FirstOrDefault()
            ?? groups.Single(g => g.Attribute("targetFramework")?.Value.StartsWith(".NETStandard", StringComparison.Ordinal) == true);
        return group.Elements().Where(e => e.Name.LocalName == "dependency");
    }

    /// <summary>X of a "netX.Y" target framework; null for any other.</summary>
    private static int? NetVersion(string? framework) =>
        framework is not null && Regex.Match(framework, @"^net(\d+)\.\d+$") is { Success: true } match ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    /// <summary>The version a dependency range resolves to when nothing asks for more: its lower bound ("1.5.3", "[1.5.3, )").</summary>
    private static string LowestVersion(string range) => range.Trim('[', '(', ' ').Split(',')[0].Trim();

    private double MeanReturn(string what)
    {
        Match match = Regex.Match(run.Output, $@"^{Regex.Escape(what)}, mean return over 100 episodes: (-?[0-9.]+)$", RegexOptions.Multiline);
        Assert.True(match.Success, $"no line '{what}, mean return ...' in:\n{run.Output}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static IEnumerable<string> PackageReferences(string project) =>
        XDocument.Load(project).Descendants("PackageReference").Select(r => $"{r.Attribute("Include")!.Value} {r.Attribute("Version")!.Value}");

    /// <summary>The one version of every package, from Directory.Build.props.</summary>
    private static string RepositoryVersion() =>
        XDocument.Load(Path.Combine(ReferenceData.RepositoryRoot, "Directory.Build.props")).Descendants("Version").Single().Value;
}
