using PolicyGradient.Environment;
using PolicyGradient.Kernels;
using static PolicyGradient.Output.SvgAnimation;

namespace PolicyGradient.Output;

/// <summary>
/// One CartPole episode as an animated SVG (see <see cref="SvgAnimation"/>): the track with the x
/// limits, the cart, the pole and a step counter at Gymnasium's 50 frames per second. Sizes follow
/// Gymnasium's picture: the cart 50 x 30 px, the pole 10 px wide and as long as 2 * 0.5 m at the
/// scale of the track.
/// </summary>
internal static class CartPoleAnimation
{
    /// <summary>The cart's position and the pole's angle in one frame.</summary>
    public readonly record struct Frame(double X, double Theta);

    private const int Width = 600;
    private const int Height = 320;
    private const double PixelsPerMetre = 100.0;
    private const double TrackY = 240.0;
    private const double CartWidth = 50.0;
    private const double CartHeight = 30.0;
    private const double AxleOffset = CartHeight / 4.0;
    private const double PoleWidth = 10.0;
    private const double PoleLength = 2 * CartPoleConstants.Length * PixelsPerMetre;

    public static Frame FrameOf(CartPole env) => new(env.State[0], env.State[2]);

    public static string Render(IReadOnlyList<Frame> frames, string title)
    {
        var svg = new SvgAnimation(Width, Height, title, frames.Count, CartPoleConstants.Tau);
        double leftLimit = ScreenX(-CartPoleConstants.XThreshold), rightLimit = ScreenX(CartPoleConstants.XThreshold);
        svg.Line($"""  <line x1="0" y1="{Number(TrackY)}" x2="{Width}" y2="{Number(TrackY)}" stroke="#000000" stroke-width="1"/>""");
        foreach (double limit in new[] { leftLimit, rightLimit })
            svg.Line($"""  <line x1="{Number(limit)}" y1="{Number(TrackY - 150)}" x2="{Number(limit)}" y2="{Number(TrackY + 20)}" stroke="#cc3333" stroke-dasharray="4 4"/>""");
        svg.Line($"""  <g transform="translate(0 {Number(TrackY)})">""");
        svg.MovingGroup("    ", "cart", frames.Select(f => (ScreenX(f.X), 0.0)).ToList());
        svg.Line($"""      <rect x="{Number(-CartWidth / 2)}" y="{Number(-CartHeight / 2)}" width="{Number(CartWidth)}" height="{Number(CartHeight)}" fill="#000000"/>""");
        svg.Line($"""      <g transform="translate(0 {Number(-AxleOffset)})">""");
        // CartPole's theta grows clockwise: the pole falls to the right.
        svg.TurningGroup("        ", "pole", frames.Select(f => ScreenDegrees(-f.Theta)).ToList());
        svg.Line($"""          <rect x="{Number(-PoleWidth / 2)}" y="{Number(-PoleLength)}" width="{Number(PoleWidth)}" height="{Number(PoleLength)}" fill="#ca9865"/>""");
        svg.Line("""        </g>""");
        svg.Line($"""        <circle r="{Number(PoleWidth / 2)}" fill="#816cce"/>""");
        svg.Line("""      </g>""");
        svg.Line("""    </g>""");
        svg.Line("""  </g>""");
        return svg.Finish();
    }

    private static double ScreenX(double x) => Width / 2.0 + x * PixelsPerMetre;
}
