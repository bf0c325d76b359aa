using PolicyGradient.Devices;
using PolicyGradient.Environment;

namespace PolicyGradient.EnvironmentChecks;

/// <summary>
/// Gymnasium's check_env for pgvec's environments: does a struct compile into the kernels, is it
/// a pure function of its stream and inputs, are its numbers finite and within its bounds, do its
/// episodes end, does the device compute what the host computes, and does it train. One result per
/// check, in the order `pgvec check-env` prints them; checks of the device run are skipped where
/// the kernels do not compile for the CPU accelerator. Written against the engine's abstract
/// device environment, so any environment the engine takes (discrete or continuous) can be checked.
/// </summary>
public static class EnvironmentChecker
{
    /// <summary>The name of the check an object that is no environment pgvec can compile fails.</summary>
    public const string LoadsName = "is an environment pgvec can compile";

    /// <summary>
    /// Checks an environment struct (boxed: any struct implementing IDiscreteEnvironment or
    /// IContinuousEnvironment), its device run on ILGPU's CPU accelerator; one that is not one
    /// pgvec can compile fails the first check, <see cref="LoadsName"/>.
    /// </summary>
    /// <param name="environment">The struct, with the parameters to check it with.</param>
    /// <param name="options">How much to run; null: `pgvec check-env`'s defaults.</param>
    public static IReadOnlyList<CheckResult> Check(object environment, EnvironmentCheckOptions? options = null)
    {
        var (entry, refusal) = Load(environment);
        if (entry is null)
            return [refusal!];
        using ComputeDevice device = ComputeDevice.Open(DeviceKind.Cpu, TextWriter.Null);
        return Check(entry, device, options);
    }

    /// <summary>Whether the environment passes: no check failed (warnings and skipped checks do not fail it).</summary>
    public static bool Passed(IEnumerable<CheckResult> results) => results.All(r => r.Outcome != CheckOutcome.Failed);

    /// <summary>The same on a device of the caller's (check-env and the tests: a CPU accelerator they hold).</summary>
    internal static IReadOnlyList<CheckResult> Check(object environment, ComputeDevice device, EnvironmentCheckOptions? options = null)
    {
        var (entry, refusal) = Load(environment);
        return entry is null ? [refusal!] : Check(entry, device, options);
    }

    /// <param name="device">Where the device run and the smoke training go.</param>
    internal static IReadOnlyList<CheckResult> Check(DeviceEnvironment environment, ComputeDevice device, EnvironmentCheckOptions? options = null)
    {
        options ??= new EnvironmentCheckOptions();
        var results = new List<CheckResult>();
        CheckResult cpu = CompilationChecks.CpuAccelerator(environment);
        results.Add(cpu);
        results.AddRange(options.Architectures.Select(a => CompilationChecks.Ptx(environment, a)));
        if (options.OpenCL)
            results.Add(CompilationChecks.OpenCL(environment));
        results.Add(CompilationChecks.Recursion(environment));

        int hostSteps = Math.Min(environment.MaxEpisodeSteps, options.MaxHostSteps);
        IReadOnlyList<HostEpisode> episodes = HostEpisodes.Play(environment.CreateHostRun, environment.ActionSpace, options.Episodes, options.Seed, Math.Max(1, hostSteps));
        results.Add(EpisodeChecks.HostRun(episodes));
        results.Add(ResetChecks.Deterministic(environment, episodes));
        results.Add(ResetChecks.DiffersBetweenStreams(environment, episodes));
        results.Add(ResetChecks.DrawsWithinResetDraws(environment));
        results.Add(EpisodeChecks.StepDeterministic(environment, episodes));
        results.Add(EpisodeChecks.Finite(episodes));
        results.Add(EpisodeChecks.WithinBounds(environment, episodes));
        results.Add(EpisodeChecks.OutOfRangeActions(environment, episodes));
        CheckResult ends = EpisodeChecks.EpisodesEnd(environment, episodes, options.MaxHostSteps);
        results.Add(ends);

        string? skip = cpu.Outcome != CheckOutcome.Passed ? "the kernels do not compile for the CPU accelerator"
            : ends.Outcome == CheckOutcome.Failed ? "episodes do not end within a length a batch can hold"
            : null;
        if (skip is not null)
        {
            results.Add(CheckResult.Skip(DeviceChecks.AgreeName, skip));
            results.Add(CheckResult.Skip(DeviceChecks.DeterministicName, skip));
            results.Add(CheckResult.Skip(SmokeTraining.Name, skip));
            return results;
        }
        var (first, second) = DeviceChecks.Rollouts(environment, device, options.Episodes, options.SmokeHidden, environment.MaxEpisodeSteps, options.Seed);
        results.Add(DeviceChecks.Agree(environment, device, first, episodes, options.Seed, options.Tolerance));
        results.Add(DeviceChecks.Deterministic(environment, first, second));
        results.Add(SmokeTraining.Run(environment, device, options));
        return results;
    }

    /// <summary>The engine's entry for the struct, or why it has none, as the failed first check.</summary>
    private static (DeviceEnvironment? Entry, CheckResult? Refusal) Load(object environment)
    {
        try
        {
            return (DeviceEnvironment.For(environment), null);
        }
        catch (Exception e) when (e is ArgumentException or EnvironmentCompileException)
        {
            return (null, CheckResult.Fail(LoadsName, e.Message));
        }
    }
}
