using PolicyGradient.Kernels;

namespace PolicyGradient.Tests.EnvironmentChecks;

/// <summary>A one-number state for the broken environments below.</summary>
public struct Position(float x)
{
    public float X = x;
}

/// <summary>A sound environment to break one way at a time: a point that steps left or right, done past 1.</summary>
public static class Walk
{
    public static Position Reset(ulong key) => new(0.2f * CounterRandom.UniformFloat(key, 0));

    public static Transition<Position> Step(Position s, int action, float reward = -1.0f)
    {
        float x = s.X + (action == 1 ? 0.1f : -0.1f);
        return new Transition<Position>(new Position(x), reward, x > 1.0f || x < -1.0f);
    }
}

/// <summary>Reset reads and bumps a static counter: each call starts elsewhere (and no kernel may read it).</summary>
public struct CountingReset : IDiscreteEnvironment<Position, Vector1>
{
    private static int _resets;
    public static string Id => "CountingReset-v0";
    public static int MaxEpisodeSteps => 50;
    public static int ResetDraws => 1;
    public static int Actions => 2;
    public readonly Position Reset(ulong key) => new(0.001f * _resets++);
    public readonly Transition<Position> Step(Position s, int action) => Walk.Step(s, action);
    public readonly Vector1 Observe(Position s) => new(s.X);
}

/// <summary>Pays NaN from the fourth step on.</summary>
public struct NaNReward : IDiscreteEnvironment<Position, Vector1>
{
    public static string Id => "NaNReward-v0";
    public static int MaxEpisodeSteps => 50;
    public static int ResetDraws => 1;
    public static int Actions => 2;
    public readonly Position Reset(ulong key) => Walk.Reset(key);
    public readonly Transition<Position> Step(Position s, int action) => Walk.Step(s, action, s.X > 0.25f || s.X < 0.0f ? float.NaN : -1.0f);
    public readonly Vector1 Observe(Position s) => new(s.X);
}

/// <summary>Never terminates, and its time limit is int.MaxValue steps: its episodes never end.</summary>
public struct Endless : IDiscreteEnvironment<Position, Vector1>
{
    public static string Id => "Endless-v0";
    public static int MaxEpisodeSteps => int.MaxValue;
    public static int ResetDraws => 1;
    public static int Actions => 2;
    public readonly Position Reset(ulong key) => Walk.Reset(key);
    public readonly Transition<Position> Step(Position s, int action) => new(new Position(s.X + action), 0.0f, false);
    public readonly Vector1 Observe(Position s) => new(s.X);
}

/// <summary>Holds a managed array: no kernel can take it.</summary>
public struct ClassField : IDiscreteEnvironment<Position, Vector1>
{
    public float[] Table;
    public static string Id => "ClassField-v0";
    public static int MaxEpisodeSteps => 50;
    public static int ResetDraws => 1;
    public static int Actions => 2;
    public readonly Position Reset(ulong key) => Walk.Reset(key);
    public readonly Transition<Position> Step(Position s, int action) => Walk.Step(s, action);
    public readonly Vector1 Observe(Position s) => new(s.X);
}

/// <summary>Declares observations within [-1, 1] but observes ten times the position.</summary>
public struct OutOfBounds : IDiscreteEnvironment<Position, Vector1>, IObservationBounds<Vector1>
{
    public static string Id => "OutOfBounds-v0";
    public static int MaxEpisodeSteps => 50;
    public static int ResetDraws => 1;
    public static int Actions => 2;
    public static Vector1 ObservationLow => new(-1.0f);
    public static Vector1 ObservationHigh => new(1.0f);
    public readonly Position Reset(ulong key) => Walk.Reset(key);
    public readonly Transition<Position> Step(Position s, int action) => Walk.Step(s, action);
    public readonly Vector1 Observe(Position s) => new(10.0f * s.X);
}

/// <summary>Declares one reset draw but uses two: its second draw is the policy's first.</summary>
public struct OverdrawnReset : IDiscreteEnvironment<Position, Vector1>
{
    public static string Id => "OverdrawnReset-v0";
    public static int MaxEpisodeSteps => 50;
    public static int ResetDraws => 1;
    public static int Actions => 2;
    public readonly Position Reset(ulong key) => new(0.1f * CounterRandom.UniformFloat(key, 0) + 0.1f * CounterRandom.UniformFloat(key, 1));
    public readonly Transition<Position> Step(Position s, int action) => Walk.Step(s, action);
    public readonly Vector1 Observe(Position s) => new(s.X);
}

/// <summary>Sound but for a local array in Step: it compiles, into `.local` memory.</summary>
public struct LocalArray : IDiscreteEnvironment<Position, Vector1>
{
    public static string Id => "LocalArray-v0";
    public static int MaxEpisodeSteps => 50;
    public static int ResetDraws => 1;
    public static int Actions => 2;
    public readonly Position Reset(ulong key) => Walk.Reset(key);

    public readonly Transition<Position> Step(Position s, int action)
    {
        var moves = new float[2];
        moves[0] = -0.1f;
        moves[1] = 0.1f;
        float x = s.X + moves[action];
        return new Transition<Position>(new Position(x), -1.0f, x > 1.0f || x < -1.0f);
    }

    public readonly Vector1 Observe(Position s) => new(s.X);
}

/// <summary>Sound but for a recursive helper, which ILGPU compiles and OpenCL would refuse.</summary>
public struct Recursive : IDiscreteEnvironment<Position, Vector1>
{
    public static string Id => "Recursive-v0";
    public static int MaxEpisodeSteps => 50;
    public static int ResetDraws => 1;
    public static int Actions => 2;
    public readonly Position Reset(ulong key) => Walk.Reset(key);
    public readonly Transition<Position> Step(Position s, int action) => Walk.Step(s, Parity(action + 2));
    public readonly Vector1 Observe(Position s) => new(s.X);
    private static int Parity(int n) => n < 2 ? n : Parity(n - 2);
}

/// <summary>A Box action in [-1, 1] that Step takes as it comes: the engine's unclipped Gaussian draws push it past its bounds.</summary>
public struct Unclipped : IContinuousEnvironment<Position, Vector1, Vector1>
{
    public static string Id => "Unclipped-v0";
    public static int MaxEpisodeSteps => 50;
    public static int ResetDraws => 1;
    public static Vector1 ActionLow => new(-1.0f);
    public static Vector1 ActionHigh => new(1.0f);
    public readonly Position Reset(ulong key) => Walk.Reset(key);
    public readonly Transition<Position> Step(Position s, Vector1 action) => new(new Position(s.X + 0.1f * action.X0), -1.0f, s.X > 1.0f || s.X < -1.0f);
    public readonly Vector1 Observe(Position s) => new(s.X);
}
