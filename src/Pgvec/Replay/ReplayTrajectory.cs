using System.Text.Json;
using Pgvec.Commands;
using PolicyGradient.Devices;
using PolicyGradient.Environment;

namespace Pgvec.Replay;

/// <summary>
/// One environment stepped from a given state through given actions, one JSON line per action.
/// Actions after termination keep stepping, as Gymnasium does; both engines truncate at the
/// environment's time limit, and clip a Box action to the Box.
/// </summary>
/// <param name="actions">Discrete actions, or Box actions (float32, as given: the environment clips them).</param>
internal sealed class ReplayTrajectory(EnvironmentDefinition environment, double[] initialState, StepActions actions, bool suttonBartoReward)
{
    private static readonly JsonSerializerOptions LineJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // A state far outside the track can overflow; print it rather than fail.
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Gymnasium-exact float64 steps (ResetTo, then Step); states print with round-trip precision.</summary>
    public int OnHost(TextWriter stdout)
    {
        IReferenceEnvironment env = suttonBartoReward ? new CartPole(suttonBartoReward: true) : environment.CreateReference();
        env.ResetTo(initialState);
        return Write(stdout, t =>
        {
            StepResult step = actions.Box is { } box ? env.Step(box[t]) : env.Step(actions.Discrete![t]);
            return (env.State.ToArray(), step);
        });
    }

    /// <summary>The float32 kernel step, one launch per action, from the state rounded to float32.</summary>
    public int OnDevice(DeviceKind kind, bool strict, TextWriter stdout, TextWriter stderr)
    {
        using ComputeDevice device = DeviceChoice.Open(kind, stderr, strict);
        var timeLimit = new TimeLimit(environment.Device.MaxEpisodeSteps);
        // CartPole's reward depends on the steps since termination (steps_beyond_terminated), which
        // one kernel step cannot know; the others' rewards are a function of the step alone.
        EpisodeBookkeeping? cartPole = environment == Environments.CartPole ? new EpisodeBookkeeping(suttonBartoReward) : null;
        float[] state = initialState.Select(v => (float)v).ToArray();
        return Write(stdout, t =>
        {
            StepActions one = actions.Box is { } box ? new StepActions(null, [box[t]]) : new StepActions([actions.Discrete![t]], null);
            DeviceTransition next = environment.Device.Step(device, [state], one)[0];
            state = next.State;
            var (reward, truncated) = cartPole?.Record(next.Terminated) ?? (next.Reward, timeLimit.Count());
            return (state.Select(v => (double)v).ToArray(), new StepResult(next.Observation, reward, next.Terminated, truncated));
        });
    }

    private int Write(TextWriter stdout, Func<int, (double[] State, StepResult Step)> step)
    {
        int count = actions.Box?.Length ?? actions.Discrete!.Length;
        for (int t = 0; t < count; t++)
        {
            var (state, result) = step(t);
            var line = actions.Box is { } box
                ? new ReplayStep(t + 1, box[t], state, result.Observation, result.Reward, result.Terminated, result.Truncated, Clipped(box[t]))
                : new ReplayStep(t + 1, actions.Discrete![t], state, result.Observation, result.Reward, result.Terminated, result.Truncated);
            stdout.WriteLine(JsonSerializer.Serialize(line, LineJson));
        }
        return ExitCodes.Completed;
    }

    /// <summary>What the environment applies of an action outside its Box; null for one inside.</summary>
    private float[]? Clipped(float[] action)
    {
        float[] clipped = ((BoxActions)environment.Device.ActionSpace).Clip(action);
        return clipped.SequenceEqual(action) ? null : clipped;
    }
}
