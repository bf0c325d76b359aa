using PolicyGradient.Environment;
using PolicyGradient.Kernels;
using static PolicyGradient.Output.SvgAnimation;

namespace PolicyGradient.Output;

/// <summary>
/// One Acrobot episode as an animated SVG (see <see cref="SvgAnimation"/>) at Gymnasium's 15
/// frames per second, drawn as Gymnasium draws it: 500 x 500 px showing 2.2 m either side of the
/// pivot, the two links hanging down at theta = 0, and the goal line 1 m above the pivot that the
/// tip must cross (-cos theta1 - cos(theta1 + theta2) > 1).
/// </summary>
internal static class AcrobotAnimation
{
    /// <summary>The two joint angles in one frame (theta2 relative to link 1).</summary>
    public readonly record struct Frame(double Theta1, double Theta2);

    private const int Size = 500;
    private const double Bound = AcrobotConstants.LinkLength1 + AcrobotConstants.LinkLength2 + 0.2;
    private const double PixelsPerMetre = Size / (Bound * 2);
    private const double LinkWidth = 0.2 * PixelsPerMetre;
    private const double JointRadius = 0.1 * PixelsPerMetre;
    private const double FrameSeconds = 1.0 / 15;

    public static Frame FrameOf(Acrobot env) => new(env.State[0], env.State[1]);

    public static string Render(IReadOnlyList<Frame> frames, string title)
    {
        var svg = new SvgAnimation(Size, Size, title, frames.Count, FrameSeconds);
        const double centre = Size / 2.0, goalY = centre - 1.0 * PixelsPerMetre;
        svg.Line($"""  <line x1="{Number(centre - Bound * PixelsPerMetre)}" y1="{Number(goalY)}" x2="{Number(centre + Bound * PixelsPerMetre)}" y2="{Number(goalY)}" stroke="#000000" stroke-width="1"/>""");
        svg.Line($"""  <g transform="translate({Number(centre)} {Number(centre)})">""");
        svg.TurningGroup("    ", "link1", frames.Select(f => ScreenDegrees(f.Theta1)).ToList());
        svg.Line($"      {Link(AcrobotConstants.LinkLength1)}");
        svg.Line($"""      <g transform="translate(0 {Number(AcrobotConstants.LinkLength1 * PixelsPerMetre)})">""");
        svg.TurningGroup("        ", "link2", frames.Select(f => ScreenDegrees(f.Theta2)).ToList());
        svg.Line($"          {Link(AcrobotConstants.LinkLength2)}");
        svg.Line("""        </g>""");
        svg.Line($"""        <circle r="{Number(JointRadius)}" fill="#cccc00"/>""");
        svg.Line("""      </g>""");
        svg.Line("""    </g>""");
        svg.Line($"""    <circle r="{Number(JointRadius)}" fill="#cccc00"/>""");
        svg.Line("""  </g>""");
        return svg.Finish();
    }

    /// <summary>A link pointing down from its joint (screen y grows downwards).</summary>
    private static string Link(double length) =>
        $"""<rect x="{Number(-LinkWidth / 2)}" y="0" width="{Number(LinkWidth)}" height="{Number(length * PixelsPerMetre)}" fill="#00cccc"/>""";
}
