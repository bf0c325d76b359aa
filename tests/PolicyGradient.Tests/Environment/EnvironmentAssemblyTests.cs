using System.Runtime.Loader;
using System.Security.Cryptography;
using PolicyGradient.Environment;
using PolicyGradient.Environment.Assemblies;
using PolicyGradient.Kernels;
using PolicyGradient.Tests.Cli;

namespace PolicyGradient.Tests.Environment;

/// <summary>A user's assembly of environment structs: loaded beside pgvec's kernels, its environments found by id or type name.</summary>
public class EnvironmentAssemblyTests
{
    [Fact]
    public void The_assembly_lists_its_environments_and_shares_pgvecs_kernels_assembly()
    {
        EnvironmentAssembly loaded = EnvironmentAssembly.Load(UserEnvironmentsAssembly.Path);

        Assert.Equal(["Balance-v0", "Corridor-v0", "Thrust-v0", "Unbounded-v0"], loaded.Ids);
        // Its own copy of PolicyGradient.Kernels.dll lies beside it and is never loaded: one IEnvironment type.
        Assert.DoesNotContain(AssemblyLoadContext.GetLoadContext(loaded.Assembly)!.Assemblies, a => a.GetName().Name == "PolicyGradient.Kernels");
        Type corridor = loaded.Find("Corridor-v0").Device.EnvironmentType;
        Assert.Contains(corridor.GetInterfaces(), i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDiscreteEnvironment<,>));
        Assert.Same(loaded, EnvironmentAssembly.Load(UserEnvironmentsAssembly.Path));
    }

    [Fact]
    public void Its_identity_is_name_version_and_the_files_sha256()
    {
        EnvironmentAssemblyIdentity identity = EnvironmentAssembly.Load(UserEnvironmentsAssembly.Path).Identity;

        Assert.Equal("UserEnvironments", identity.Name);
        Assert.Equal("1.2.0.0", identity.Version);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(UserEnvironmentsAssembly.Path))), identity.Sha256);
        Assert.Equal(identity, EnvironmentAssembly.Load(UserEnvironmentsAssembly.Path).Find("Balance-v0").Assembly);
    }

    [Theory]
    [InlineData("Corridor-v0")]
    [InlineData("Corridor")]
    [InlineData("corridor-V0")]
    [InlineData("UserEnvironments.Corridor")]
    public void An_environment_is_found_by_id_or_type_name(string name)
    {
        EnvironmentDefinition corridor = EnvironmentAssembly.Load(UserEnvironmentsAssembly.Path).Find(name);

        Assert.Equal("Corridor-v0", corridor.Id);
        Assert.Same(corridor, EnvironmentAssembly.Load(UserEnvironmentsAssembly.Path).Find("Corridor-v0"));
        Assert.Equal((2, 2, 50), (corridor.Device.Observations, corridor.Device.Actions, corridor.Device.MaxEpisodeSteps));
        Assert.Equal(["Position"], corridor.StateNames);
        Assert.Null(corridor.RewardThreshold);
    }

    [Fact]
    public void Parameters_come_from_Default_else_every_field_is_zero()
    {
        var loaded = EnvironmentAssembly.Load(UserEnvironmentsAssembly.Path);
        // Corridor.Default: a corridor of 8 cells, so 8 steps right from cell 0 end it.
        IReferenceEnvironment corridor = loaded.Find("Corridor-v0").CreateReference();
        corridor.ResetTo([0.0]);
        StepResult[] steps = [.. Enumerable.Range(0, 8).Select(_ => corridor.Step(1))];
        Assert.Equal([false, false, false, false, false, false, false, true], steps.Select(s => s.Terminated));
        Assert.Equal([0.125f, 1.0f], steps[0].Observation);
        // Balance has no Default: default(Balance), which has no fields to set.
        Assert.Equal(["X", "Velocity"], loaded.Find("Balance-v0").StateNames);
    }

    [Fact]
    public void A_near_miss_is_suggested_and_every_environment_listed()
    {
        var e = Assert.Throws<EnvironmentAssemblyException>(() => EnvironmentAssembly.Load(UserEnvironmentsAssembly.Path).Find("Coridor-v0"));
        Assert.Equal($"{UserEnvironmentsAssembly.Path} has no environment Coridor-v0 (did you mean Corridor-v0?): it holds Balance-v0 (Balance), Corridor-v0 (Corridor), Thrust-v0 (Thrust), Unbounded-v0 (Unbounded)", e.Message);
    }

    [Fact]
    public void A_type_that_is_not_an_environment_is_named_with_what_it_lacks()
    {
        var e = Assert.Throws<EnvironmentAssemblyException>(() => EnvironmentAssembly.Load(UserEnvironmentsAssembly.Path).Find("CorridorState"));
        Assert.Equal($"UserEnvironments.CorridorState in {UserEnvironmentsAssembly.Path} is not an environment: it implements neither IDiscreteEnvironment<TState, TObservation> nor IContinuousEnvironment<TState, TObservation, TAction> and lacks Id, MaxEpisodeSteps, ResetDraws, Actions, Reset, Observe, Step", e.Message);
    }

    [Fact]
    public void A_missing_file_a_directory_and_a_file_that_is_no_assembly_are_one_line_each()
    {
        using var temp = new TempDirectory();
        string text = temp.Combine("notes.dll");
        File.WriteAllText(text, "not an assembly");

        Assert.Equal($"{temp.Combine("none.dll")}: no such file (must be the .dll file of a .NET assembly holding environment structs)",
            Assert.Throws<EnvironmentAssemblyException>(() => EnvironmentAssembly.Load(temp.Combine("none.dll"))).Message);
        Assert.StartsWith($"{temp.Path} is a directory", Assert.Throws<EnvironmentAssemblyException>(() => EnvironmentAssembly.Load(temp.Path)).Message);
        Assert.Equal($"{text} is not a .NET assembly: must be the .dll a C# project of environment structs builds",
            Assert.Throws<EnvironmentAssemblyException>(() => EnvironmentAssembly.Load(text)).Message);
    }
}
