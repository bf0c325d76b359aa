
namespace PolicyGradient.Kernels;

/// <summary>
/// An environment the kernels are compiled for, gymnax-style: the struct itself holds the runtime
/// parameters (physics constants, passed to the device by value), <typeparamref name="TState"/>
/// is the per-env state, and every method is a pure function of its arguments, so the same struct
/// steps on the host and on every accelerator. Methods must compile for a GPU: no classes, virtual
/// calls, managed arrays, mutable statics, recursion or exceptions. An environment implements
/// <see cref="IDiscreteEnvironment{TState, TObservation}"/> or
/// <see cref="IContinuousEnvironment{TState, TObservation, TAction}"/>, which add its actions.
/// </summary>
/// <typeparam name="TState">The float32 state the device steps (e.g. CartPole's x, x_dot, theta, theta_dot).</typeparam>
/// <typeparam name="TObservation">What the policy sees, one of <see cref="Vectors"/>' shapes.</typeparam>
public interface IEnvironment<TState, TObservation>
    where TState : unmanaged
    where TObservation : unmanaged, IVector<TObservation>
{
    /// <summary>Gymnasium's id, e.g. "CartPole-v1".</summary>
    static abstract string Id { get; }

    /// <summary>TimeLimit's truncation: an episode ends after this many steps.</summary>
    static abstract int MaxEpisodeSteps { get; }

    /// <summary>Draws of the episode's random stream that <see cref="Reset"/> uses; the policy's draws come after them.</summary>
    static abstract int ResetDraws { get; }

    /// <summary>A fresh episode's state from draws 0..ResetDraws-1 of the stream <paramref name="streamKey"/> (see <see cref="CounterRandom"/>).</summary>
    TState Reset(ulong streamKey);

    /// <summary>What the policy sees of a state (the state itself, or features of it).</summary>
    TObservation Observe(TState state);
}

/// <summary>An environment with Gymnasium's Discrete(n) actions 0..Actions-1, for a categorical policy.</summary>
public interface IDiscreteEnvironment<TState, TObservation> : IEnvironment<TState, TObservation>
    where TState : unmanaged
    where TObservation : unmanaged, IVector<TObservation>
{
    /// <summary>Discrete actions 0..Actions-1.</summary>
    static abstract int Actions { get; }

    /// <summary>One step from <paramref name="state"/> with <paramref name="action"/>: the next state, its reward and whether it is terminal (the time limit is the trainer's).</summary>
    Transition<TState> Step(TState state, int action);
}

/// <summary>
/// An environment with a float32 Box action, for a Gaussian policy. The policy hands <see cref="Step"/>
/// its unclipped draw; the environment clips it to [ActionLow, ActionHigh] as Gymnasium's own step does.
/// </summary>
/// <typeparam name="TState">The float32 state the device steps.</typeparam>
/// <typeparam name="TObservation">What the policy sees, one of <see cref="Vectors"/>' shapes.</typeparam>
/// <typeparam name="TAction">One action, one of <see cref="Vectors"/>' shapes.</typeparam>
public interface IContinuousEnvironment<TState, TObservation, TAction> : IEnvironment<TState, TObservation>
    where TState : unmanaged
    where TObservation : unmanaged, IVector<TObservation>
    where TAction : unmanaged, IVector<TAction>
{
    /// <summary>The Box's lower bounds.</summary>
    static abstract TAction ActionLow { get; }

    /// <summary>The Box's upper bounds.</summary>
    static abstract TAction ActionHigh { get; }

    /// <summary>One step from <paramref name="state"/> with the policy's unclipped <paramref name="action"/>: the next state, its reward and whether it is terminal.</summary>
    Transition<TState> Step(TState state, TAction action);
}

/// <summary>One step's outcome: a value, so kernels keep it in registers (an `out` parameter would take an address).</summary>
public readonly struct Transition<TState>(TState state, float reward, bool terminated) where TState : unmanaged
{
    /// <summary>The state after the step.</summary>
    public readonly TState State = state;
    /// <summary>The step's reward.</summary>
    public readonly float Reward = reward;
    /// <summary>The next state ends the episode (a goal reached, a failure); truncation by the time limit is not termination.</summary>
    public readonly bool Terminated = terminated;
}
