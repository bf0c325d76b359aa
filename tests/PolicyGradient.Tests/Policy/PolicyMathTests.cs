using System.Text.Json;
using PolicyGradient.Kernels;
using PolicyGradient.Policy;

namespace PolicyGradient.Tests.Policy;

public class PolicyMathTests
{
    private const double Tolerance = 1e-9;

    public static TheoryData<int> Cases() => new(Enumerable.Range(0, ReferenceData.PolicyCases.Count()));

    private static JsonElement Case(int index) => ReferenceData.PolicyCases.ElementAt(index);

    /// <summary>The cases of pytorch_general_policy_reference.json (categorical and Gaussian policies of several shapes): every one, the categorical ones, the Gaussian ones.</summary>
    public static TheoryData<int> GeneralCases() => new(Enumerable.Range(0, ReferenceData.GeneralPolicyCases.Count()));

    public static TheoryData<int> CategoricalGeneralCases() => new(GeneralCaseIndices(gaussian: false));

    public static TheoryData<int> GaussianGeneralCases() => new(GeneralCaseIndices(gaussian: true));

    private static IEnumerable<int> GeneralCaseIndices(bool gaussian) =>
        ReferenceData.GeneralPolicyCases.Select((c, i) => (c, i)).Where(p => IsGaussian(p.c) == gaussian).Select(p => p.i);

    internal static JsonElement GeneralCase(int index) => ReferenceData.GeneralPolicyCases.ElementAt(index);

    private static bool IsGaussian(JsonElement c) => c.TryGetProperty("kind", out var kind) && kind.GetString() == "gaussian";

    /// <summary>A general case's D-H-N shape (N: actions, or a Gaussian policy's action dimensions).</summary>
    internal static PolicyLayout GeneralLayout(JsonElement c) => IsGaussian(c)
        ? new(c.GetProperty("observations").GetInt32(), c.GetProperty("hidden").GetInt32(), c.GetProperty("action_dims").GetInt32(), PolicyHead.Gaussian)
        : new(c.GetProperty("observations").GetInt32(), c.GetProperty("hidden").GetInt32(), c.GetProperty("actions").GetInt32());

    internal static (double[] Params, List<Episode> Episodes) Load(JsonElement c)
    {
        var episodes = c.GetProperty("episodes").EnumerateArray()
            .Select(e =>
            {
                float[][] states = [.. e.GetProperty("states").EnumerateArray().Select(s => s.Floats())];
                double[] rewards = e.GetProperty("rewards").Doubles();
                return IsGaussian(c)
                    ? Episode.Continuous(states, [.. e.GetProperty("actions").EnumerateArray().Select(a => a.Floats())], rewards)
                    : new Episode(states, e.GetProperty("actions").Ints(), rewards);
            })
            .ToList();
        return (c.GetProperty("params").Doubles(), episodes);
    }

    internal static void AssertClose(double expected, double actual, double tolerance, string what)
    {
        double error = Math.Abs(expected - actual) / Math.Max(1.0, Math.Abs(expected));
        Assert.True(error <= tolerance, $"{what}: expected {expected:R}, got {actual:R} (error {error:E2})");
    }

    private static void AssertClose(double[] expected, ReadOnlySpan<double> actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int k = 0; k < expected.Length; k++)
            AssertClose(expected[k], actual[k], tolerance, $"{what}[{k}]");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_matches_PyTorch(int index) =>
        AssertForwardMatches(Case(index), CartPoleShapes.Layout(Case(index).GetProperty("hidden").GetInt32()), "logits");

    [Theory]
    [MemberData(nameof(CategoricalGeneralCases))]
    public void Forward_of_a_categorical_policy_of_any_shape_matches_PyTorch(int index)
    {
        JsonElement c = GeneralCase(index);
        AssertForwardMatches(c, GeneralLayout(c), "outputs");
    }

    /// <summary>Means, the unclipped actions' log-probabilities and the entropy of episode 0, and the REINFORCE loss and gradient (log_std's included).</summary>
    [Theory]
    [MemberData(nameof(GaussianGeneralCases))]
    public void A_Gaussian_policy_of_any_shape_matches_PyTorch_autograd(int index)
    {
        JsonElement c = GeneralCase(index);
        PolicyLayout layout = GeneralLayout(c);
        var (p, episodes) = Load(c);
        var forward = c.GetProperty("forward_first_episode");
        var expectedMeans = forward.GetProperty("outputs").EnumerateArray().Select(r => r.Doubles()).ToArray();
        double[] expectedOfActions = forward.GetProperty("log_probs_of_actions").Doubles();
        double[] expectedEntropy = forward.GetProperty("entropy").Doubles();
        Assert.Equal(episodes[0].Length, expectedMeans.Length);
        Span<double> means = stackalloc double[layout.Actions];
        var unused = new double[layout.Count];
        for (int t = 0; t < episodes[0].Length; t++)
        {
            PolicyMath.Logits(p, layout, episodes[0].States[t], means);
            AssertClose(expectedMeans[t], means, Tolerance, $"means t={t}");
            double logProbability = PolicyMath.AccumulateGaussianLogProbabilityGradient(p, layout, episodes[0].States[t], episodes[0].BoxActions![t], 1.0, unused);
            AssertClose(expectedOfActions[t], logProbability, Tolerance, $"log pi(a|s) t={t}");
            AssertClose(expectedEntropy[t], PolicyMath.GaussianEntropy(p, layout), Tolerance, $"entropy t={t}");
        }
        AssertReinforceMatches(c, layout);
    }

    /// <summary>Logits and log-probabilities of episode 0; entropy and the actions' log-probabilities where the case has them.</summary>
    private static void AssertForwardMatches(JsonElement c, PolicyLayout layout, string logitsName)
    {
        var (p, episodes) = Load(c);
        var forward = c.GetProperty("forward_first_episode");
        var expectedLogits = forward.GetProperty(logitsName).EnumerateArray().Select(r => r.Doubles()).ToArray();
        var expectedLogProbs = forward.GetProperty("log_probs").EnumerateArray().Select(r => r.Doubles()).ToArray();
        double[]? expectedEntropy = forward.TryGetProperty("entropy", out var entropy) ? entropy.Doubles() : null;
        double[]? expectedOfActions = forward.TryGetProperty("log_probs_of_actions", out var ofActions) ? ofActions.Doubles() : null;
        Assert.Equal(episodes[0].Length, expectedLogits.Length);
        Span<double> logits = stackalloc double[layout.Actions];
        Span<double> logProbs = stackalloc double[layout.Actions];
        for (int t = 0; t < episodes[0].Length; t++)
        {
            PolicyMath.Logits(p, layout, episodes[0].States[t], logits);
            PolicyMath.LogSoftmax(logits, logProbs);
            AssertClose(expectedLogits[t], logits, Tolerance, $"logits t={t}");
            AssertClose(expectedLogProbs[t], logProbs, Tolerance, $"log_probs t={t}");
            if (expectedEntropy is not null)
                AssertClose(expectedEntropy[t], PolicyMath.Entropy(logProbs), Tolerance, $"entropy t={t}");
            if (expectedOfActions is not null)
                AssertClose(expectedOfActions[t], logProbs[episodes[0].Actions[t]], Tolerance, $"log pi(a|s) t={t}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Returns_to_go_match_PyTorch(int index) => AssertReturnsToGoMatch(Case(index));

    /// <summary>Returns-to-go do not depend on the policy: Gaussian cases' too.</summary>
    [Theory]
    [MemberData(nameof(GeneralCases))]
    public void Returns_to_go_of_every_general_case_match_PyTorch(int index) => AssertReturnsToGoMatch(ReferenceData.GeneralPolicyCases.ElementAt(index));

    private static void AssertReturnsToGoMatch(JsonElement c)
    {
        double gamma = c.GetProperty("gamma").GetDouble();
        foreach (var e in c.GetProperty("episodes").EnumerateArray())
            AssertClose(e.GetProperty("returns_to_go").Doubles(), PolicyMath.ReturnsToGo(e.GetProperty("rewards").Doubles(), gamma), Tolerance, "returns_to_go");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reinforce_gradient_matches_PyTorch_autograd(int index) =>
        AssertReinforceMatches(Case(index), CartPoleShapes.Layout(Case(index).GetProperty("hidden").GetInt32()));

    [Theory]
    [MemberData(nameof(CategoricalGeneralCases))]
    public void Reinforce_loss_and_gradient_of_a_categorical_policy_of_any_shape_match_PyTorch_autograd(int index)
    {
        JsonElement c = GeneralCase(index);
        AssertReinforceMatches(c, GeneralLayout(c));
    }

    private static void AssertReinforceMatches(JsonElement c, PolicyLayout layout)
    {
        var (p, episodes) = Load(c);
        Assert.Equal(layout.Count, p.Length);
        var weights = c.GetProperty("episodes").EnumerateArray().Select(e => e.GetProperty("weights").Doubles()).ToList();
        var grad = new double[layout.Count];
        double loss = PolicyMath.ReinforceGradient(p, layout, episodes, weights, grad);
        var expected = c.GetProperty("reinforce");
        AssertClose(expected.GetProperty("loss").GetDouble(), loss, Tolerance, "loss");
        AssertClose(expected.GetProperty("grad").Doubles(), grad, Tolerance, "grad");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tutorial_loss_gradient_matches_PyTorch_autograd(int index)
    {
        var c = Case(index);
        var layout = CartPoleShapes.Layout(c.GetProperty("hidden").GetInt32());
        var (p, episodes) = Load(c);
        double episodeReturn = c.GetProperty("episodes")[0].GetProperty("rewards").Doubles().Sum();
        var grad = new double[layout.Count];
        double loss = PolicyMath.TutorialLossGradient(p, layout, episodes[0], episodeReturn, PolicyMath.TutorialReturnOffset, grad);
        var expected = c.GetProperty("seed_loss_first_episode");
        AssertClose(expected.GetProperty("loss").GetDouble(), loss, Tolerance, "loss");
        AssertClose(expected.GetProperty("grad").Doubles(), grad, Tolerance, "grad");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Adam_matches_torch_optim_Adam_for_three_steps(int index)
    {
        var c = Case(index);
        var adam = c.GetProperty("adam");
        double[] p = c.GetProperty("params").Doubles();
        var optimizer = new PolicyGradient.Optimization.Adam(p.Length, adam.GetProperty("lr").GetDouble(),
            adam.GetProperty("beta1").GetDouble(), adam.GetProperty("beta2").GetDouble(), adam.GetProperty("eps").GetDouble());
        var grads = adam.GetProperty("grads").EnumerateArray().Select(g => g.Doubles()).ToArray();
        var after = adam.GetProperty("params_after").EnumerateArray().Select(g => g.Doubles()).ToArray();
        Assert.Equal(3, grads.Length);
        for (int step = 0; step < grads.Length; step++)
        {
            optimizer.Step(p, grads[step]);
            AssertClose(after[step], p, Tolerance, $"params after step {step + 1}");
        }
    }

    [Fact]
    public void Initialisation_follows_nn_Linear_bounds_and_the_seed()
    {
        var a = PolicyParameters.Initialise(CartPoleShapes.Layout(32), 0);
        var b = PolicyParameters.Initialise(CartPoleShapes.Layout(32), 0);
        var other = PolicyParameters.Initialise(CartPoleShapes.Layout(32), 1);
        Assert.Equal(a.Values, b.Values);
        Assert.NotEqual(a.Values, other.Values);
        var layout = a.Layout;
        Assert.Equal(4 * 32 + 32 + 2 * 32 + 2, layout.Count);
        var fc1 = a.Values[..layout.Fc2Weight];
        var fc2 = a.Values[layout.Fc2Weight..];
        Assert.All(fc1, v => Assert.InRange(v, -0.5, 0.5));
        Assert.All(fc2, v => Assert.InRange(v, -1 / Math.Sqrt(32), 1 / Math.Sqrt(32)));
        // The draws fill the range rather than a corner of it.
        Assert.True(fc1.Max() - fc1.Min() > 0.9, "fc1 spread");
        Assert.True(fc2.Max() - fc2.Min() > 0.3, "fc2 spread");
    }
}
