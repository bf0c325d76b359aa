using System.Runtime.CompilerServices;

namespace PolicyGradient.Kernels;

internal static class Relu
{
    /// <summary>
    /// max(x, 0) that keeps a NaN: PTX's max.f32 returns the number when one operand is NaN, so
    /// MathF.Max would hide a diverged unit on a GPU while the CPU accelerator shows it.
    /// (pre &gt; 0 ? pre : 0 would hide it too.)
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Of(float x) => x < 0.0f ? 0.0f : x;
}
