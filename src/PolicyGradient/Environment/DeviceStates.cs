using System.Runtime.InteropServices;

namespace PolicyGradient.Environment;

/// <summary>A device environment's state struct as the float32 values replay, the self-test and the tests give and read.</summary>
internal static class DeviceStates
{
    /// <exception cref="ArgumentException">The state holds something besides float32 values.</exception>
    public static void RequireFloats<TState>(string id) where TState : unmanaged
    {
        if (Marshal.SizeOf<TState>() % sizeof(float) != 0)
            throw new ArgumentException($"{id}'s state {typeof(TState).Name} must hold float32 values only");
    }

    public static int Size<TState>() where TState : unmanaged => Marshal.SizeOf<TState>() / sizeof(float);

    /// <exception cref="ArgumentException">A state has the wrong count of numbers.</exception>
    public static TState[] Pack<TState>(string id, float[][] states) where TState : unmanaged
    {
        int size = Size<TState>();
        return [.. states.Select(values => values.Length == size
            ? MemoryMarshal.Cast<float, TState>(values)[0]
            : throw new ArgumentException($"a {id} state has {size} numbers, got {values.Length}", nameof(states)))];
    }

    public static float[] Values<TState>(TState state) where TState : unmanaged => MemoryMarshal.Cast<TState, float>([state]).ToArray();
}
