using System.Globalization;
using System.Security;
using System.Text;
using PolicyGradient.Environment;
using PolicyGradient.Kernels;

namespace PolicyGradient.Output;

/// <summary>
/// One CartPole episode as an animated SVG (SMIL, no script, no dependencies): the track with the
/// x limits, the cart, the pole and a step counter, one frame per environment state at
/// Gymnasium's 50 frames per second, the last frame held a second before the loop restarts.
/// Renderers without animation show the first frame. Sizes follow Gymnasium's picture: the cart
/// 50 x 30 px, the pole 10 px wide and as long as 2 * 0.5 m at the scale of the track.
/// </summary>
public static class CartPoleAnimation
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
    private const double HoldSeconds = 1.0;

    public static Frame FrameOf(CartPole env) => new(env.State[0], env.State[2]);

    public static string Render(IReadOnlyList<Frame> frames, string title)
    {
        if (frames.Count == 0)
            throw new ArgumentException("an animation needs at least one frame", nameof(frames));
        int n = frames.Count;
        double duration = n * CartPoleConstants.Tau + HoldSeconds;
        string keyTimes = string.Join(";", Enumerable.Range(0, n).Select(i => Number(i * CartPoleConstants.Tau / duration)));
        string timing = $"dur=\"{Number(duration)}s\" calcMode=\"discrete\" repeatCount=\"indefinite\"";
        string cartX = string.Join(";", frames.Select(f => $"{Number(ScreenX(f.X))} 0"));
        string poleAngle = string.Join(";", frames.Select(f => Number(f.Theta * 180.0 / Math.PI)));
        double leftLimit = ScreenX(-CartPoleConstants.XThreshold), rightLimit = ScreenX(CartPoleConstants.XThreshold);

        var svg = new StringBuilder();
        svg.AppendLine($"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{Height}" viewBox="0 0 {Width} {Height}" font-family="sans-serif">""");
        svg.AppendLine($"  <title>{SecurityElement.Escape(title)}</title>");
        svg.AppendLine($"""  <rect width="{Width}" height="{Height}" fill="#ffffff"/>""");
        svg.AppendLine($"""  <text x="12" y="24" font-size="14" fill="#333333">{SecurityElement.Escape(title)}</text>""");
        svg.AppendLine($"""  <line x1="0" y1="{Number(TrackY)}" x2="{Width}" y2="{Number(TrackY)}" stroke="#000000" stroke-width="1"/>""");
        foreach (double limit in new[] { leftLimit, rightLimit })
            svg.AppendLine($"""  <line x1="{Number(limit)}" y1="{Number(TrackY - 150)}" x2="{Number(limit)}" y2="{Number(TrackY + 20)}" stroke="#cc3333" stroke-dasharray="4 4"/>""");
        svg.AppendLine($"""  <g transform="translate(0 {Number(TrackY)})">""");
        svg.AppendLine($"""    <g class="cart" transform="translate({Number(ScreenX(frames[0].X))} 0)">""");
        svg.AppendLine($"""      <animateTransform attributeName="transform" type="translate" values="{cartX}" keyTimes="{keyTimes}" {timing}/>""");
        svg.AppendLine($"""      <rect x="{Number(-CartWidth / 2)}" y="{Number(-CartHeight / 2)}" width="{Number(CartWidth)}" height="{Number(CartHeight)}" fill="#000000"/>""");
        svg.AppendLine($"""      <g transform="translate(0 {Number(-AxleOffset)})">""");
        svg.AppendLine($"""        <g class="pole" transform="rotate({Number(frames[0].Theta * 180.0 / Math.PI)})">""");
        svg.AppendLine($"""          <animateTransform attributeName="transform" type="rotate" values="{poleAngle}" keyTimes="{keyTimes}" {timing}/>""");
        svg.AppendLine($"""          <rect x="{Number(-PoleWidth / 2)}" y="{Number(-PoleLength)}" width="{Number(PoleWidth)}" height="{Number(PoleLength)}" fill="#ca9865"/>""");
        svg.AppendLine("""        </g>""");
        svg.AppendLine($"""        <circle r="{Number(PoleWidth / 2)}" fill="#816cce"/>""");
        svg.AppendLine("""      </g>""");
        svg.AppendLine("""    </g>""");
        svg.AppendLine("""  </g>""");
        for (int i = 0; i < n; i++)
        {
            // Each counter is visible during its own frame only: keyTimes pick that slice of the loop.
            string values = i == 0 ? "visible;hidden" : i == n - 1 ? "hidden;visible" : "hidden;visible;hidden";
            string times = i == 0 ? $"0;{Number(CartPoleConstants.Tau / duration)}"
                : i == n - 1 ? $"0;{Number(i * CartPoleConstants.Tau / duration)}"
                : $"0;{Number(i * CartPoleConstants.Tau / duration)};{Number((i + 1) * CartPoleConstants.Tau / duration)}";
            if (n == 1)
                (values, times) = ("visible", "0");
            svg.AppendLine($"""  <text class="step" x="12" y="{Height - 14}" font-size="16" fill="#000000" visibility="{(i == 0 ? "visible" : "hidden")}">step {i} of {n - 1}<animate attributeName="visibility" values="{values}" keyTimes="{times}" {timing}/></text>""");
        }
        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    private static double ScreenX(double x) => Width / 2.0 + x * PixelsPerMetre;

    private static string Number(double value) => Math.Round(value, 6).ToString("0.######", CultureInfo.InvariantCulture);
}
