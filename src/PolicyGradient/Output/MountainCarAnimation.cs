using PolicyGradient.Environment;
using PolicyGradient.Kernels;
using static PolicyGradient.Output.SvgAnimation;

namespace PolicyGradient.Output;

/// <summary>
/// One MountainCar or MountainCarContinuous episode as an animated SVG (see <see cref="SvgAnimation"/>)
/// at Gymnasium's 30 frames per second, drawn as Gymnasium draws it: 600 x 400 px over positions
/// -1.2 .. 0.6, the hill 0.45 sin(3x) + 0.55, the car tilted by cos(3x) radians (Gymnasium's own
/// approximation of the slope), and the flag at the goal (0.5, or 0.45 for the continuous car).
/// </summary>
internal static class MountainCarAnimation
{
    /// <summary>The car's position in one frame.</summary>
    public readonly record struct Frame(double Position);

    private const int Width = 600;
    private const int Height = 400;
    private const double MinPosition = MountainCarConstants.MinPosition;
    private const double PixelsPerMetre = Width / (MountainCarConstants.MaxPosition - MinPosition);
    private const double Clearance = 10.0;
    private const double CarWidth = 40.0;
    private const double CarHeight = 20.0;
    private const double FrameSeconds = 1.0 / 30;

    public static Frame FrameOf(MountainCar env) => new(env.State[0]);

    public static Frame FrameOf(MountainCarContinuous env) => new(env.State[0]);

    /// <param name="goalPosition">Where the flag stands: MountainCarConstants.GoalPosition or MountainCarContinuousConstants.GoalPosition.</param>
    public static string Render(IReadOnlyList<Frame> frames, string title, double goalPosition)
    {
        var svg = new SvgAnimation(Width, Height, title, frames.Count, FrameSeconds);
        string hill = string.Join(" ", Enumerable.Range(0, 100)
            .Select(i => MinPosition + i * (MountainCarConstants.MaxPosition - MinPosition) / 99)
            .Select(x => $"{Number(ScreenX(x))},{Number(ScreenY(HillHeight(x)))}"));
        svg.Line($"""  <polyline points="{hill}" fill="none" stroke="#000000" stroke-width="1"/>""");
        double flagX = ScreenX(goalPosition), flagBottom = ScreenY(HillHeight(goalPosition)), flagTop = flagBottom - 50;
        svg.Line($"""  <line x1="{Number(flagX)}" y1="{Number(flagBottom)}" x2="{Number(flagX)}" y2="{Number(flagTop)}" stroke="#000000"/>""");
        svg.Line($"""  <polygon class="flag" points="{Number(flagX)},{Number(flagTop)} {Number(flagX)},{Number(flagTop + 10)} {Number(flagX + 25)},{Number(flagTop + 5)}" fill="#cccc00"/>""");
        svg.MovingGroup("  ", "car", frames.Select(f => (ScreenX(f.Position), CarY(f.Position))).ToList());
        svg.TurningGroup("    ", "body", frames.Select(f => Tilt(f.Position)).ToList());
        svg.Line($"""      <rect x="{Number(-CarWidth / 2)}" y="{Number(-CarHeight)}" width="{Number(CarWidth)}" height="{Number(CarHeight)}" fill="#000000"/>""");
        foreach (double wheelX in new[] { -CarWidth / 4, CarWidth / 4 })
            svg.Line($"""      <circle cx="{Number(wheelX)}" r="{Number(CarHeight / 2.5)}" fill="#808080"/>""");
        svg.Line("""    </g>""");
        svg.Line("""  </g>""");
        return svg.Finish();
    }

    private static double HillHeight(double x) => Math.Sin(3 * x) * 0.45 + 0.55;

    private static double ScreenX(double x) => (x - MinPosition) * PixelsPerMetre;

    private static double ScreenY(double height) => Height - height * PixelsPerMetre;

    private static double CarY(double x) => ScreenY(HillHeight(x)) - Clearance;

    /// <summary>Gymnasium tilts the car by cos(3x) radians.</summary>
    private static double Tilt(double x) => ScreenDegrees(Math.Cos(3 * x));
}
