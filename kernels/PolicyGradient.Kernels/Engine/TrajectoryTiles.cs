using System.Runtime.CompilerServices;
using ILGPU;
using ILGPU.Runtime;

namespace PolicyGradient.Kernels;

/// <summary>
/// Where a recorded step lives: time-major within tiles of <see cref="Width"/> envs, index
/// (env % Width + Width * step, env / Width) of a dense-X 2D view. At each step a tile's envs lie
/// side by side (a GPU warp's loads coalesce into whole 128-byte segments), and one tile's whole
/// episode is contiguous, so a CPU thread playing the tile's envs walks memory in order instead of
/// touching a new page every step (plain time-major halved the CPU accelerator's throughput at 4096 envs).
/// </summary>
internal static class TrajectoryTiles
{
    public const int Width = 8;

    public static Index2D At(int env, int step) => new(env % Width + Width * step, env / Width);

    /// <summary>
    /// The tile holding <paramref name="env"/> as a 1D view, read at <see cref="Lane"/>: the CPU
    /// accelerator pays for a 2D index's arithmetic and checks on every access, a 1D one far less.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ArrayView<T> Tile<T>(ArrayView2D<T, Stride2D.DenseX> view, int env) where T : unmanaged =>
        view.BaseView.SubView(view.ComputeLinearIndex(new Index2D(0, env / Width)), view.Extent.X);

    /// <summary>Where step <paramref name="step"/> of <paramref name="env"/> lies in its <see cref="Tile{T}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Lane(int env, int step) => env % Width + Width * step;

    public static LongIndex2D Extent(int envs, int maxSteps) => new((long)Width * maxSteps, (envs + Width - 1) / Width);
}
