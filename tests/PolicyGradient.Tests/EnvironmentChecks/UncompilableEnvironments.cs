using PolicyGradient.Kernels;

namespace PolicyGradient.Tests.EnvironmentChecks;

/// <summary>
/// What ILGPU 1.5.3 cannot compile into a kernel, one construct per environment (the README's
/// "Writing an environment" lists the same): each is sound C# on the host.
/// </summary>
public static class Uncompilable
{
    public struct StaticArray : IDiscreteEnvironment<Position, Vector1>
    {
        private static readonly float[] Moves = [-0.1f, 0.1f];
        public static string Id => "StaticArray-v0";
        public static int MaxEpisodeSteps => 50;
        public static int ResetDraws => 1;
        public static int Actions => 2;
        public readonly Position Reset(ulong key) => Walk.Reset(key);
        public readonly Transition<Position> Step(Position s, int action) => new(new Position(s.X + Moves[action]), -1.0f, false);
        public readonly Vector1 Observe(Position s) => new(s.X);
    }

    public struct Throws : IDiscreteEnvironment<Position, Vector1>
    {
        public static string Id => "Throws-v0";
        public static int MaxEpisodeSteps => 50;
        public static int ResetDraws => 1;
        public static int Actions => 2;
        public readonly Position Reset(ulong key) => Walk.Reset(key);

        public readonly Transition<Position> Step(Position s, int action)
        {
            if (action is < 0 or > 1)
                throw new ArgumentOutOfRangeException(nameof(action));
            return Walk.Step(s, action);
        }

        public readonly Vector1 Observe(Position s) => new(s.X);
    }

    /// <summary>GetHashCode on a struct that does not override it: a virtual call into ValueType.</summary>
    public struct VirtualCall : IDiscreteEnvironment<Position, Vector1>
    {
        public static string Id => "VirtualCall-v0";
        public static int MaxEpisodeSteps => 50;
        public static int ResetDraws => 1;
        public static int Actions => 2;
        public readonly Position Reset(ulong key) => Walk.Reset(key);
        public readonly Transition<Position> Step(Position s, int action) => Walk.Step(s, s.GetHashCode() == 0 ? action : 1 - action);
        public readonly Vector1 Observe(Position s) => new(s.X);
    }

    public sealed class Scale
    {
        public float Factor = 0.1f;
    }

    public struct UsesClass : IDiscreteEnvironment<Position, Vector1>
    {
        public static string Id => "UsesClass-v0";
        public static int MaxEpisodeSteps => 50;
        public static int ResetDraws => 1;
        public static int Actions => 2;
        public readonly Position Reset(ulong key) => Walk.Reset(key);
        public readonly Transition<Position> Step(Position s, int action) => new(new Position(s.X + new Scale().Factor * action), -1.0f, false);
        public readonly Vector1 Observe(Position s) => new(s.X);
    }

    public struct MutableStatic : IDiscreteEnvironment<Position, Vector1>
    {
        private static float _speed = 0.1f;
        public static string Id => "MutableStatic-v0";
        public static int MaxEpisodeSteps => 50;
        public static int ResetDraws => 1;
        public static int Actions => 2;
        public readonly Position Reset(ulong key) => Walk.Reset(key);
        public readonly Transition<Position> Step(Position s, int action) => new(new Position(s.X + _speed * action), -1.0f, false);
        public readonly Vector1 Observe(Position s) => new(s.X);
    }

    public struct ReadsClock : IDiscreteEnvironment<Position, Vector1>
    {
        public static string Id => "ReadsClock-v0";
        public static int MaxEpisodeSteps => 50;
        public static int ResetDraws => 1;
        public static int Actions => 2;
        public readonly Position Reset(ulong key) => new(CounterRandom.UniformFloat(key, (ulong)System.Environment.TickCount));
        public readonly Transition<Position> Step(Position s, int action) => Walk.Step(s, action);
        public readonly Vector1 Observe(Position s) => new(s.X);
    }

    public interface IMove
    {
        float Apply(float x);
    }

    public struct Right : IMove
    {
        public readonly float Apply(float x) => x + 0.1f;
    }

    public struct BoxedInterface : IDiscreteEnvironment<Position, Vector1>
    {
        public static string Id => "BoxedInterface-v0";
        public static int MaxEpisodeSteps => 50;
        public static int ResetDraws => 1;
        public static int Actions => 2;
        public readonly Position Reset(ulong key) => Walk.Reset(key);

        public readonly Transition<Position> Step(Position s, int action)
        {
            IMove move = new Right();
            return new Transition<Position>(new Position(move.Apply(s.X)), -1.0f, false);
        }

        public readonly Vector1 Observe(Position s) => new(s.X);
    }

    /// <summary>A continuous environment that throws for an action beyond its Box rather than clipping it.</summary>
    public struct ThrowsOnBox : IContinuousEnvironment<Position, Vector1, Vector1>
    {
        public static string Id => "ThrowsOnBox-v0";
        public static int MaxEpisodeSteps => 50;
        public static int ResetDraws => 1;
        public static Vector1 ActionLow => new(-1.0f);
        public static Vector1 ActionHigh => new(1.0f);
        public readonly Position Reset(ulong key) => Walk.Reset(key);

        public readonly Transition<Position> Step(Position s, Vector1 action)
        {
            if (action.X0 is < -1.0f or > 1.0f)
                throw new ArgumentOutOfRangeException(nameof(action));
            return new Transition<Position>(new Position(s.X + 0.1f * action.X0), -1.0f, false);
        }

        public readonly Vector1 Observe(Position s) => new(s.X);
    }
}
