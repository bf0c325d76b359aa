using PolicyGradient.Devices;
using PolicyGradient.Environment;

namespace PolicyGradient.EnvironmentChecks;

/// <summary>
/// Gymnasium's check_env for pgvec's environments: does a struct compile into the kernels, is it
/// a pure function of its stream and inputs, are its numbers finite and within its bounds, do its
/// episodes end, does the device compute what the host computes, and does it train. One result per
/// check, in the order `pgvec check-env` prints them; checks of the device run are skipped where
/// the kernels do not compile for the CPU accelerator. Written against <see cref="DeviceEnvironment"/>'s
/// abstract API, so any environment the engine takes can be checked.
/// </summary>
public static class EnvironmentChecker
{
    public const string LoadsName = "is an environment pgvec can compile";

    /// <param name="device">Where the device run and the smoke training go (check-env: the CPU accelerator).</param>
    public static IReadOnlyList<CheckResult> Check(DeviceEnvironment environment, ComputeDevice device, EnvironmentCheckOptions? options = null)
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

    /// <summary>The same for an environment struct known only at run time, boxed; one that is not one pgvec can compile fails the first check.</summary>
    public static IReadOnlyList<CheckResult> Check(object environment, ComputeDevice device, EnvironmentCheckOptions? options = null)
    {
        DeviceEnvironment entry;
        try
        {
            entry = DeviceEnvironment.For(environment);
        }
        catch (Exception e) when (e is ArgumentException or EnvironmentCompileException)
        {
            return [CheckResult.Fail(LoadsName, e.Message)];
        }
        return Check(entry, device, options);
    }

    /// <summary>Whether the environment passes: no check failed (warnings and skipped checks do not fail it).</summary>
    public static bool Passed(IEnumerable<CheckResult> results) => results.All(r => r.Outcome != CheckOutcome.Failed);
}
