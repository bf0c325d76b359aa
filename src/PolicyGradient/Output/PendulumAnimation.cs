using PolicyGradient.Environment;
using PolicyGradient.Kernels;
using static PolicyGradient.Output.SvgAnimation;

namespace PolicyGradient.Output;

/// <summary>
/// One Pendulum episode as an animated SVG (see <see cref="SvgAnimation"/>) at Gymnasium's 30
/// frames per second, drawn as Gymnasium draws it: 500 x 500 px showing 2.2 m either side of the
/// pivot, the rod upright at theta = 0 and turning counter-clockwise as theta grows, and the last
/// step's clipped torque as an arrow around the pivot, as large as |torque| / 2 of its full size
/// and turning the way the torque pushes (none after the reset).
/// </summary>
internal static class PendulumAnimation
{
    /// <summary>The rod's angle (unwrapped, as the state holds it) and the torque that led there (0 after a reset).</summary>
    public readonly record struct Frame(double Theta, double Torque);

    private const int Size = 500;
    private const double PixelsPerMetre = Size / (2 * 2.2);
    private const double RodLength = PendulumConstants.Length * PixelsPerMetre;
    private const double RodWidth = 0.2 * PixelsPerMetre;
    /// <summary>Gymnasium's arrow image is PixelsPerMetre * |torque| / 2 px square: the arc takes most of it at full size.</summary>
    private const double ArrowRadius = 0.4 * PixelsPerMetre;
    private const double FrameSeconds = 1.0 / 30;

    public static Frame FrameOf(Pendulum env) => new(env.State[0], env.LastTorque ?? 0.0);

    public static string Render(IReadOnlyList<Frame> frames, string title)
    {
        var svg = new SvgAnimation(Size, Size, title, frames.Count, FrameSeconds);
        svg.Line($"""  <g transform="translate({Size / 2} {Size / 2})">""");
        svg.TurningGroup("    ", "rod", frames.Select(f => ScreenDegrees(f.Theta)).ToList());
        svg.Line($"""      <rect x="{Number(-RodWidth / 2)}" y="{Number(-RodLength)}" width="{Number(RodWidth)}" height="{Number(RodLength)}" rx="{Number(RodWidth / 2)}" fill="#cc4d4d"/>""");
        svg.Line("""    </g>""");
        svg.ScaledGroup("    ", "torque", frames.Select(f => TorqueScale(f.Torque)).ToList());
        // Three quarters of a turn clockwise on screen, from the left over the top to the bottom, the head pointing on.
        double r = ArrowRadius;
        svg.Line($"""      <path d="M {Number(-r)} 0 A {Number(r)} {Number(r)} 0 1 1 0 {Number(r)}" fill="none" stroke="#000000" stroke-width="6"/>""");
        svg.Line($"""      <polygon points="-16,{Number(r)} 2,{Number(r - 12)} 2,{Number(r + 12)}" fill="#000000"/>""");
        svg.Line("""    </g>""");
        svg.Line($"""    <circle r="{Number(0.05 * PixelsPerMetre)}" fill="#000000"/>""");
        svg.Line("""  </g>""");
        return svg.Finish();
    }

    /// <summary>|torque| / 2 of the arrow's size; a positive torque turns the rod counter-clockwise, so the clockwise arrow is mirrored.</summary>
    private static (double X, double Y) TorqueScale(double torque)
    {
        double size = Math.Abs(torque) / 2;
        return (torque > 0 ? -size : size, size);
    }
}
