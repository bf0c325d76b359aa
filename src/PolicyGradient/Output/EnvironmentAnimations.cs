using PolicyGradient.Environment;
using PolicyGradient.Kernels;

namespace PolicyGradient.Output;

/// <summary>Collects an episode's frames from the reference environment's states and draws them as one animated SVG.</summary>
internal interface IEpisodeRecording
{
    /// <summary>Takes one frame from <paramref name="env"/>'s current state (after the reset, then after every step).</summary>
    void Add(IReferenceEnvironment env);

    /// <summary>The frames so far as an animated SVG under <paramref name="title"/>.</summary>
    string Render(string title);
}

/// <summary>Each built-in environment's animation, by Gymnasium id: what `eval --render` draws an episode with.</summary>
internal static class EnvironmentAnimations
{
    private static readonly Dictionary<string, Func<IEpisodeRecording>> Recordings = new()
    {
        [CartPole.GymnasiumId] = () => new Recording<CartPole, CartPoleAnimation.Frame>(CartPoleAnimation.FrameOf, CartPoleAnimation.Render),
        [Acrobot.GymnasiumId] = () => new Recording<Acrobot, AcrobotAnimation.Frame>(AcrobotAnimation.FrameOf, AcrobotAnimation.Render),
        [MountainCar.GymnasiumId] = () => new Recording<MountainCar, MountainCarAnimation.Frame>(MountainCarAnimation.FrameOf,
            (frames, title) => MountainCarAnimation.Render(frames, title, MountainCarConstants.GoalPosition)),
        [MountainCarContinuous.GymnasiumId] = () => new Recording<MountainCarContinuous, MountainCarAnimation.Frame>(MountainCarAnimation.FrameOf,
            (frames, title) => MountainCarAnimation.Render(frames, title, MountainCarContinuousConstants.GoalPosition)),
        [Pendulum.GymnasiumId] = () => new Recording<Pendulum, PendulumAnimation.Frame>(PendulumAnimation.FrameOf, PendulumAnimation.Render),
    };

    /// <summary>The ids that have an animation.</summary>
    public static IEnumerable<string> Ids => Recordings.Keys;

    /// <summary>A fresh recording for an episode of environment <paramref name="id"/>.</summary>
    /// <exception cref="ArgumentException">No animation draws that environment.</exception>
    public static IEpisodeRecording For(string id) =>
        Recordings.TryGetValue(id, out var create) ? create() : throw new ArgumentException($"no animation draws {id}; known: {string.Join(", ", Ids)}", nameof(id));

    private sealed class Recording<TEnvironment, TFrame>(Func<TEnvironment, TFrame> frameOf, Func<IReadOnlyList<TFrame>, string, string> render) : IEpisodeRecording
        where TEnvironment : IReferenceEnvironment
    {
        private readonly List<TFrame> _frames = [];

        public void Add(IReferenceEnvironment env) => _frames.Add(frameOf((TEnvironment)env));

        public string Render(string title) => render(_frames, title);
    }
}
