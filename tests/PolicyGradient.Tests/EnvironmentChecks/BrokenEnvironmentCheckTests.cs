using ILGPU.Runtime.Cuda;
using PolicyGradient.EnvironmentChecks;
using PolicyGradient.Tests.Kernels;
using Xunit.Abstractions;

namespace PolicyGradient.Tests.EnvironmentChecks;

/// <summary>Each deliberately broken environment is reported by the check that is about what it breaks, and fails the environment.</summary>
[Collection(CpuDeviceCollection.Name)]
public class BrokenEnvironmentCheckTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    /// <summary>The host and device checks in full; compiling to PTX and OpenCL is tested apart.</summary>
    private static readonly EnvironmentCheckOptions Quick = new() { Episodes = 8, Architectures = [], OpenCL = false };

    private IReadOnlyList<CheckResult> Check(object environment, EnvironmentCheckOptions? options = null)
    {
        IReadOnlyList<CheckResult> results = EnvironmentChecker.Check(environment, fixture.Device, options ?? Quick);
        foreach (CheckResult result in results)
            output.WriteLine(result.ToString());
        return results;
    }

    private static CheckResult Named(IReadOnlyList<CheckResult> results, string name) => Assert.Single(results, r => r.Name == name);

    [Fact]
    public void A_reset_that_reads_a_static_counter_is_not_deterministic_and_does_not_compile()
    {
        var results = Check(new CountingReset());

        CheckResult reset = Named(results, ResetChecks.DeterministicName);
        Assert.Equal(CheckOutcome.Failed, reset.Outcome);
        Assert.Contains("Reset must depend on its stream key alone", reset.Detail);
        Assert.StartsWith("CountingReset.Reset reads the mutable static field _resets", Named(results, CompilationChecks.CpuName).Detail);
        Assert.Equal(CheckOutcome.Skipped, Named(results, DeviceChecks.AgreeName).Outcome);
        Assert.False(EnvironmentChecker.Passed(results));
    }

    [Fact]
    public void A_NaN_reward_fails_the_finite_check_and_the_smoke_training()
    {
        var results = Check(new NaNReward());

        CheckResult finite = Named(results, EpisodeChecks.FiniteName);
        Assert.Equal(CheckOutcome.Failed, finite.Outcome);
        Assert.Matches(@"^episode \d+, step \d+ \(action \d\): reward NaN$", finite.Detail);
        Assert.Equal(CheckOutcome.Failed, Named(results, SmokeTraining.Name).Outcome);
        Assert.Equal(CheckOutcome.Passed, Named(results, ResetChecks.DeterministicName).Outcome);
        Assert.False(EnvironmentChecker.Passed(results));
    }

    [Fact]
    public void An_episode_that_never_ends_fails_the_episodes_end_check_and_no_batch_is_tried()
    {
        var results = Check(new Endless());

        CheckResult ends = Named(results, EpisodeChecks.EndName);
        Assert.Equal(CheckOutcome.Failed, ends.Outcome);
        Assert.StartsWith("MaxEpisodeSteps is 2,147,483,647: a batch records every step", ends.Detail);
        Assert.Equal(CheckOutcome.Skipped, Named(results, SmokeTraining.Name).Outcome);
    }

    [Fact]
    public void A_class_field_is_named_before_anything_compiles()
    {
        var result = Assert.Single(Check(new ClassField()));

        Assert.Equal(EnvironmentChecker.LoadsName, result.Name);
        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.StartsWith("ClassField.Table is a float[], a managed array: an environment struct is copied to the device as it is", result.Detail);
    }

    [Fact]
    public void An_observation_outside_the_declared_bounds_is_named_with_the_bound()
    {
        CheckResult bounds = Named(Check(new OutOfBounds()), EpisodeChecks.BoundsName);

        Assert.Equal(CheckOutcome.Failed, bounds.Outcome);
        Assert.Matches(@"^episode \d+, (after Reset|step \d+): observation\[0\] -?[\d.]+ is (above ObservationHigh\[0\] 1|below ObservationLow\[0\] -1)$", bounds.Detail);
    }

    [Fact]
    public void A_reset_that_draws_past_ResetDraws_is_told_how_many_to_declare()
    {
        CheckResult draws = Named(Check(new OverdrawnReset()), ResetChecks.DrawsName);

        Assert.Equal(CheckOutcome.Failed, draws.Outcome);
        Assert.StartsWith("Reset draws counter 1 of its stream, but ResetDraws is 1", draws.Detail);
        Assert.EndsWith("declare ResetDraws 2", draws.Detail);
    }

    [Fact]
    public void A_local_array_is_a_local_memory_warning_per_kernel_and_passes()
    {
        var results = Check(new LocalArray(), Quick with { Architectures = [CudaArchitecture.SM_80] });

        CheckResult ptx = Named(results, CompilationChecks.PtxName(CudaArchitecture.SM_80));
        Assert.Equal(CheckOutcome.Warning, ptx.Outcome);
        Assert.Matches(@"\.local memory in rollout_localarray_v0 \(\d+ bytes\), step_localarray_v0 \(\d+ bytes\)", ptx.Detail);
        Assert.True(EnvironmentChecker.Passed(results));
    }

    [Fact]
    public void A_Box_action_beyond_its_bounds_that_Step_does_not_clip_fails()
    {
        CheckResult actions = Named(Check(new Unclipped()), EpisodeChecks.ActionsName);

        Assert.Equal(CheckOutcome.Failed, actions.Outcome);
        Assert.Matches(@"^from episode 0's start, Step\(state, \[2\]\) moves elsewhere than Step\(state, \[1\]\) \(ActionHigh\): .*must clip the action to \[ActionLow, ActionHigh\]", actions.Detail);
    }

    [Fact]
    public void Recursion_is_a_warning_naming_the_cycle()
    {
        CheckResult recursion = Named(Check(new Recursive()), CompilationChecks.RecursionName);

        Assert.Equal(CheckOutcome.Warning, recursion.Outcome);
        Assert.StartsWith("Recursive.Parity -> Recursive.Parity calls itself", recursion.Detail);
    }
}
