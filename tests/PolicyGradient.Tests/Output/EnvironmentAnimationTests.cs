using System.Globalization;
using System.Xml.Linq;
using PolicyGradient.Environment;
using PolicyGradient.Kernels;
using PolicyGradient.Output;

namespace PolicyGradient.Tests.Output;

public class EnvironmentAnimationTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Acrobot_draws_both_links_turning_a_frame_per_state()
    {
        var env = new Acrobot();
        var frames = new List<AcrobotAnimation.Frame>();
        Play(env, () => frames.Add(AcrobotAnimation.FrameOf(env)), () => env.Step(2), 40);

        XDocument document = AssertAnimation(AcrobotAnimation.Render(frames, "acrobot <40 steps>"), frames.Count, ["rotate", "rotate"]);
        Assert.Equal("acrobot <40 steps>", document.Root!.Element(Svg + "title")!.Value);
        Assert.Equal(frames.Select(f => -f.Theta1 * 180 / Math.PI), Values(document, "link1"), Tolerance);
        Assert.Equal(frames.Select(f => -f.Theta2 * 180 / Math.PI), Values(document, "link2"), Tolerance);
    }

    [Fact]
    public void Acrobot_link_one_points_right_at_a_quarter_turn_as_Gymnasium_draws_it()
    {
        var env = new Acrobot();
        env.ResetTo([Math.PI / 2, 0, 0, 0]);
        XDocument document = AssertAnimation(AcrobotAnimation.Render([AcrobotAnimation.FrameOf(env)], "quarter"), 1, ["rotate", "rotate"]);
        // The link hangs down (+y on screen) unturned; rotate(-90) carries +y to +x.
        Assert.Equal("rotate(-90)", (string)Group(document, "link1").Attribute("transform")!);
    }

    [Fact]
    public void Pendulum_draws_the_rod_turning_and_the_clipped_torque_a_frame_per_state()
    {
        var env = new Pendulum();
        var frames = new List<PendulumAnimation.Frame>();
        float[] torques = [3f, -0.5f, 1f, -7f, 0f];
        int t = 0;
        Play(env, () => frames.Add(PendulumAnimation.FrameOf(env)), () => env.Step([torques[t++ % torques.Length]]), 30);

        XDocument document = AssertAnimation(PendulumAnimation.Render(frames, "pendulum"), frames.Count, ["rotate", "scale"]);
        Assert.Equal(frames.Select(f => -f.Theta * 180 / Math.PI), Values(document, "rod"), Tolerance);
        // No arrow after the reset; then |u| / 2 of its size with u clipped to [-2, 2], mirrored (counter-clockwise) for a positive torque.
        string[] scales = ((string)Group(document, "torque").Element(Svg + "animateTransform")!.Attribute("values")!).Split(';');
        Assert.Equal(["0 0", "-1 1", "0.25 0.25", "-0.5 0.5", "1 1", "0 0", "-1 1"], scales[..7]);
        Assert.Equal("scale(0 0)", (string)Group(document, "torque").Attribute("transform")!);
    }

    [Fact]
    public void Every_built_in_environment_has_an_animation_that_draws_a_frame_per_state_of_an_episode()
    {
        Assert.Equal(Environments.Ids.Order(), EnvironmentAnimations.Ids.Order());
        foreach (EnvironmentDefinition environment in Environments.All)
        {
            IReferenceEnvironment env = environment.CreateReference();
            IEpisodeRecording recording = EnvironmentAnimations.For(environment.Id);
            var random = new Random(5);
            int states = 0;
            Play(env, () =>
            {
                recording.Add(env);
                states++;
            }, () => environment.Device.ActionSpace is BoxActions box
                ? env.Step([(float)(box.Low[0] + (box.High[0] - box.Low[0]) * random.NextDouble())])
                : env.Step(random.Next(environment.Device.Actions)), 12);

            XDocument document = XDocument.Parse(recording.Render($"{environment.Id} <{states} states>"));
            Assert.Equal($"{environment.Id} <{states} states>", document.Root!.Element(Svg + "title")!.Value);
            Assert.NotEmpty(document.Descendants(Svg + "animateTransform"));
            Assert.All(document.Descendants(Svg + "animateTransform"), a => Assert.Equal(states, ((string)a.Attribute("values")!).Split(';').Length));
            Assert.Equal(states, document.Descendants(Svg + "text").Count(t => (string?)t.Attribute("class") == "step"));
        }
        Assert.Throws<ArgumentException>(() => EnvironmentAnimations.For("Humanoid-v5"));
    }

    [Fact]
    public void MountainCar_draws_the_car_moving_and_tilting_on_the_hill_with_the_flag_at_the_goal()
    {
        var env = new MountainCar();
        var frames = new List<MountainCarAnimation.Frame>();
        Play(env, () => frames.Add(MountainCarAnimation.FrameOf(env)), () => env.Step(2), 25);

        XDocument document = AssertAnimation(MountainCarAnimation.Render(frames, "car", MountainCarConstants.GoalPosition), frames.Count, ["translate", "rotate"]);
        Assert.Equal(frames.Select(f => -Math.Cos(3 * f.Position) * 180 / Math.PI), Values(document, "body"), Tolerance);
        Assert.Equal((0.5 + 1.2) * 600 / 1.8, FlagX(document), 4);
    }

    [Fact]
    public void MountainCarContinuous_puts_the_flag_at_its_own_goal()
    {
        var env = new MountainCarContinuous();
        var frames = new List<MountainCarAnimation.Frame>();
        Play(env, () => frames.Add(MountainCarAnimation.FrameOf(env)), () => env.Step([1f]), 10);

        XDocument document = AssertAnimation(MountainCarAnimation.Render(frames, "car", MountainCarContinuousConstants.GoalPosition), frames.Count, ["translate", "rotate"]);
        Assert.Equal((0.45 + 1.2) * 600 / 1.8, FlagX(document), 4);
    }

    [Fact]
    public void CartPole_still_draws_the_cart_moving_and_the_pole_turning_clockwise_with_theta()
    {
        var env = new CartPole();
        var frames = new List<CartPoleAnimation.Frame>();
        Play(env, () => frames.Add(CartPoleAnimation.FrameOf(env)), () => env.Step(1), 8);

        XDocument document = AssertAnimation(CartPoleAnimation.Render(frames, "cartpole"), frames.Count, ["translate", "rotate"]);
        Assert.Equal(frames.Select(f => f.Theta * 180 / Math.PI), Values(document, "pole"), Tolerance);
    }

    [Fact]
    public void An_animation_needs_a_frame()
    {
        Assert.Throws<ArgumentException>(() => PendulumAnimation.Render([], "empty"));
    }

    private static readonly IEqualityComparer<double> Tolerance = EqualityComparer<double>.Create((a, b) => Math.Abs(a - b) < 1e-5, _ => 0);

    /// <summary>Resets, then steps until done or <paramref name="steps"/> steps, showing each state to <paramref name="frame"/>.</summary>
    private static void Play(IReferenceEnvironment env, Action frame, Func<StepResult> step, int steps)
    {
        env.Reset(3);
        frame();
        for (int t = 0; t < steps; t++)
        {
            StepResult result = step();
            frame();
            if (result.Terminated || result.Truncated)
                break;
        }
    }

    /// <summary>Well-formed SVG with these animated transforms, each one value per frame, and one visible step counter per frame.</summary>
    private static XDocument AssertAnimation(string svg, int frames, string[] animatedTypes)
    {
        XDocument document = XDocument.Parse(svg);
        Assert.Equal(Svg + "svg", document.Root!.Name);
        var animations = document.Descendants(Svg + "animateTransform").ToList();
        Assert.Equal(animatedTypes, animations.Select(a => (string)a.Attribute("type")!));
        foreach (XElement animation in animations)
        {
            Assert.Equal(frames, ((string)animation.Attribute("values")!).Split(';').Length);
            Assert.Equal(frames, ((string)animation.Attribute("keyTimes")!).Split(';').Length);
        }
        var counters = document.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "step").ToList();
        Assert.Equal(frames, counters.Count);
        Assert.Equal($"step {frames - 1} of {frames - 1}", counters[^1].Value);
        Assert.Single(counters, c => (string)c.Attribute("visibility")! == "visible");
        return document;
    }

    private static XElement Group(XDocument document, string cssClass) =>
        document.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == cssClass);

    private static double[] Values(XDocument document, string cssClass) =>
        ((string)Group(document, cssClass).Element(Svg + "animateTransform")!.Attribute("values")!).Split(';')
        .Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();

    private static double FlagX(XDocument document) =>
        double.Parse(((string)document.Descendants(Svg + "polygon").Single(p => (string?)p.Attribute("class") == "flag").Attribute("points")!).Split(',')[0], CultureInfo.InvariantCulture);
}
