using System.Globalization;
using System.Security;
using System.Text;

namespace PolicyGradient.Output;

/// <summary>
/// The scaffolding every environment animation shares: an SVG (SMIL, no script, no
/// dependencies) with a title, one frame per environment state at the environment's frame
/// rate, the last frame held a second before the loop restarts, and a step counter.
/// Renderers without animation show the first frame. The environment draws its picture in
/// between with <see cref="Line"/>, moving parts in <see cref="MovingGroup"/>, <see cref="TurningGroup"/> and <see cref="ScaledGroup"/>.
/// </summary>
internal sealed class SvgAnimation
{
    private const double HoldSeconds = 1.0;

    private readonly StringBuilder _svg = new();
    private readonly int _frames;
    private readonly int _height;
    private readonly double _frameSeconds;
    private readonly double _duration;
    private readonly string _keyTimes;

    public SvgAnimation(int width, int height, string title, int frames, double frameSeconds)
    {
        if (frames == 0)
            throw new ArgumentException("an animation needs at least one frame", nameof(frames));
        _frames = frames;
        _height = height;
        _frameSeconds = frameSeconds;
        _duration = frames * frameSeconds + HoldSeconds;
        _keyTimes = string.Join(";", Enumerable.Range(0, frames).Select(i => Number(i * frameSeconds / _duration)));
        _svg.AppendLine($"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif">""");
        _svg.AppendLine($"  <title>{SecurityElement.Escape(title)}</title>");
        _svg.AppendLine($"""  <rect width="{width}" height="{height}" fill="#ffffff"/>""");
        _svg.AppendLine($"""  <text x="12" y="24" font-size="14" fill="#333333">{SecurityElement.Escape(title)}</text>""");
    }

    /// <summary>Appends one line of the picture as it is.</summary>
    public void Line(string element) => _svg.AppendLine(element);

    /// <summary>
    /// Opens a group (close it with &lt;/g&gt;) moved through one (x, y) offset per frame, at the first
    /// frame's offset where SMIL does not run.
    /// </summary>
    public void MovingGroup(string indent, string cssClass, IReadOnlyList<(double X, double Y)> offsets) =>
        AnimatedGroup(indent, cssClass, "translate", offsets.Select(o => $"{Number(o.X)} {Number(o.Y)}").ToList());

    /// <summary>
    /// Opens a group (close it with &lt;/g&gt;) turned through one angle per frame (degrees, clockwise on
    /// screen), at the first frame's angle where SMIL does not run.
    /// </summary>
    public void TurningGroup(string indent, string cssClass, IReadOnlyList<double> degrees) =>
        AnimatedGroup(indent, cssClass, "rotate", degrees.Select(Number).ToList());

    /// <summary>
    /// Opens a group (close it with &lt;/g&gt;) scaled by one (x, y) factor pair per frame, at the first
    /// frame's factors where SMIL does not run: a negative factor mirrors, 0 hides.
    /// </summary>
    public void ScaledGroup(string indent, string cssClass, IReadOnlyList<(double X, double Y)> factors) =>
        AnimatedGroup(indent, cssClass, "scale", factors.Select(f => $"{Number(f.X)} {Number(f.Y)}").ToList());

    /// <summary>The step counter and the closing tag: the finished document.</summary>
    public string Finish()
    {
        string timing = Timing();
        int n = _frames;
        for (int i = 0; i < n; i++)
        {
            // Each counter is visible during its own frame only: keyTimes pick that slice of the loop.
            string values = i == 0 ? "visible;hidden" : i == n - 1 ? "hidden;visible" : "hidden;visible;hidden";
            string times = i == 0 ? $"0;{Number(_frameSeconds / _duration)}"
                : i == n - 1 ? $"0;{Number(i * _frameSeconds / _duration)}"
                : $"0;{Number(i * _frameSeconds / _duration)};{Number((i + 1) * _frameSeconds / _duration)}";
            if (n == 1)
                (values, times) = ("visible", "0");
            _svg.AppendLine($"""  <text class="step" x="12" y="{_height - 14}" font-size="16" fill="#000000" visibility="{(i == 0 ? "visible" : "hidden")}">step {i} of {n - 1}<animate attributeName="visibility" values="{values}" keyTimes="{times}" {timing}/></text>""");
        }
        _svg.AppendLine("</svg>");
        return _svg.ToString();
    }

    /// <summary>
    /// An angle of Gymnasium's (counter-clockwise with y up) as SVG's rotate wants it (degrees,
    /// clockwise on screen, with y down).
    /// </summary>
    public static double ScreenDegrees(double counterClockwiseRadians) => -counterClockwiseRadians * 180.0 / Math.PI;

    /// <summary>A number as SVG wants it: invariant culture, at most six decimals.</summary>
    public static string Number(double value) => Math.Round(value, 6).ToString("0.######", CultureInfo.InvariantCulture);

    private void AnimatedGroup(string indent, string cssClass, string type, IReadOnlyList<string> values)
    {
        if (values.Count != _frames)
            throw new ArgumentException($"an animation of {_frames} frames needs {_frames} values, got {values.Count}", nameof(values));
        _svg.AppendLine($"""{indent}<g class="{cssClass}" transform="{type}({values[0]})">""");
        _svg.AppendLine($"""{indent}  <animateTransform attributeName="transform" type="{type}" values="{string.Join(";", values)}" keyTimes="{_keyTimes}" {Timing()}/>""");
    }

    private string Timing() => $"dur=\"{Number(_duration)}s\" calcMode=\"discrete\" repeatCount=\"indefinite\"";
}
