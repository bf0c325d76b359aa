using System.Text.Json;
using Pgvec.Commands;
using PolicyGradient.Devices;
using PolicyGradient.Environment;

namespace Pgvec.Replay;

/// <summary>
/// One environment stepped from a given state through given actions, one JSON line per action.
/// Actions after termination keep stepping, as Gymnasium does; both engines truncate at the
/// environment's time limit.
/// </summary>
internal sealed class ReplayTrajectory(EnvironmentDefinition environment, double[] initialState, int[] actions, bool suttonBartoReward)
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
        return Write(stdout, action =>
        {
            StepResult step = env.Step(action);
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
        return Write(stdout, action =>
        {
            DeviceTransition next = environment.Device.Step(device, [state], [action])[0];
            state = next.State;
            var (reward, truncated) = cartPole?.Record(next.Terminated) ?? (next.Reward, timeLimit.Count());
            return (state.Select(v => (double)v).ToArray(), new StepResult(next.Observation, reward, next.Terminated, truncated));
        });
    }

    private int Write(TextWriter stdout, Func<int, (double[] State, StepResult Step)> step)
    {
        for (int t = 0; t < actions.Length; t++)
        {
            var (state, result) = step(actions[t]);
            var line = new ReplayStep(t + 1, actions[t], state, result.Observation, result.Reward, result.Terminated, result.Truncated);
            stdout.WriteLine(JsonSerializer.Serialize(line, LineJson));
        }
        return ExitCodes.Completed;
    }
}
