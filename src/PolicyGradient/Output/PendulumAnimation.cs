using PolicyGradient.Environment;
using PolicyGradient.Kernels;
using static PolicyGradient.Output.SvgAnimation;

namespace PolicyGradient.Output;

/// <summary>
/// One Pendulum episode as an animated SVG (see <see cref="SvgAnimation"/>) at Gymnasium's 30
/// frames per second, drawn as Gymnasium draws it: 500 x 500 px showing 2.2 m either side of the
/// pivot, the rod upright at theta = 0 and turning counter-clockwise as theta grows.
/// </summary>
internal static class PendulumAnimation
{
    /// <summary>The rod's angle in one frame (unwrapped, as the state holds it).</summary>
    public readonly record struct Frame(double Theta);

    private const int Size = 500;
    private const double PixelsPerMetre = Size / (2 * 2.2);
    private const double RodLength = PendulumConstants.Length * PixelsPerMetre;
    private const double RodWidth = 0.2 * PixelsPerMetre;
    private const double FrameSeconds = 1.0 / 30;

    public static Frame FrameOf(Pendulum env) => new(env.State[0]);

    public static string Render(IReadOnlyList<Frame> frames, string title)
    {
        var svg = new SvgAnimation(Size, Size, title, frames.Count, FrameSeconds);
        svg.Line($"""  <g transform="translate({Size / 2} {Size / 2})">""");
        svg.TurningGroup("    ", "rod", frames.Select(f => ScreenDegrees(f.Theta)).ToList());
        svg.Line($"""      <rect x="{Number(-RodWidth / 2)}" y="{Number(-RodLength)}" width="{Number(RodWidth)}" height="{Number(RodLength)}" rx="{Number(RodWidth / 2)}" fill="#cc4d4d"/>""");
        svg.Line("""    </g>""");
        svg.Line($"""    <circle r="{Number(0.05 * PixelsPerMetre)}" fill="#000000"/>""");
        svg.Line("""  </g>""");
        return svg.Finish();
    }
}
