using System.Runtime.CompilerServices;
namespace PolicyGradient.Kernels;

/// <summary>
/// A counter-based generator: every draw is a pure function of (key, counter), so each
/// environment owns its own stream, results do not depend on warp size or thread scheduling,
/// and the host and every accelerator draw the same numbers.
/// </summary>
public static class CounterRandom
{
    /// <summary>SplitMix64's finaliser: a bijective mix with full avalanche.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The key of one stream, e.g. (run seed, iteration, environment).</summary>
    public static ulong StreamKey(ulong seed, ulong a, ulong b) => Mix(Mix(Mix(seed) ^ a) ^ b);

    /// <summary>Draw <paramref name="counter"/> of stream <paramref name="key"/>: 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Next64(ulong key, ulong counter) => Mix(key ^ Mix(counter));

    /// <summary>
    /// Uniform in [0, 1) with 24 random bits: never exactly 1, so categorical sampling is safe.
    /// Converted through int: a 24-bit integer is exact in float either way, but an unsigned
    /// conversion is IL's conv.r.un, which goes through float64 on CUDA (cvt.rn.f64.u64 or .u32),
    /// 1/64 rate on consumer GPUs; int -> float is one cvt.rn.f32.s32.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float UniformFloat(ulong key, ulong counter) =>
        (int)(Next64(key, counter) >> 40) * (1.0f / 16777216.0f);

    /// <summary>
    /// A standard normal draw from draws <paramref name="counter"/> and counter + 1, by Box-Muller's
    /// cosine branch: sqrt(-2 ln(1 - u1)) cos(2 pi u2). 1 - u1 lies in (0, 1], so the log is finite
    /// (|z| &lt; 5.8 with 24-bit draws). An exact transform of two uniforms: the same bits wherever
    /// MathF's log, sqrt and cos are the same (the host and the CPU accelerator).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float NormalFloat(ulong key, ulong counter)
    {
        float u1 = UniformFloat(key, counter);
        float u2 = UniformFloat(key, counter + 1);
        return MathF.Sqrt(-2.0f * MathF.Log(1.0f - u1)) * MathF.Cos(2.0f * MathF.PI * u2);
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public static double UniformDouble(ulong key, ulong counter) =>
        (Next64(key, counter) >> 11) * (1.0 / 9007199254740992.0);
}
