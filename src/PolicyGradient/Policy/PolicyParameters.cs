using PolicyGradient.Kernels;

namespace PolicyGradient.Policy;

/// <summary>
/// The policy's parameters as one flat float64 vector in PyTorch state_dict order (see
/// <see cref="PolicyLayout"/>), so weights move to and from PyTorch unchanged.
/// </summary>
public sealed class PolicyParameters : IPolicyNetwork
{
    /// <summary>Stream id that keeps initialisation draws apart from episode draws.</summary>
    private const ulong InitialisationStream = 0x1A17;

    /// <summary>A policy of this shape with these parameters (not copied), e.g. read back from a file.</summary>
    /// <exception cref="ArgumentException">The layout is not a policy's or the values do not fit it.</exception>
    public PolicyParameters(PolicyLayout layout, double[] values)
    {
        if (layout.Hidden < 1)
            throw new ArgumentOutOfRangeException(nameof(layout), layout.Hidden, "the hidden size must be at least 1");
        int fewestActions = layout.Head == PolicyHead.Gaussian ? 1 : 2;
        if (layout.Inputs < 1 || layout.Actions < fewestActions)
            throw new ArgumentOutOfRangeException(nameof(layout), layout, $"a {layout.Head} policy needs at least 1 observation and {fewestActions} action{(fewestActions == 1 ? " dimension" : "s")}");
        Layout = layout;
        if (values.Length != Layout.Count)
            throw new ArgumentException($"a {layout} policy has {Layout.Count} parameters, got {values.Length}", nameof(values));
        Values = values;
    }

    /// <summary>The network's shape: observations, hidden units, actions.</summary>
    public PolicyLayout Layout { get; }

    /// <summary>The hidden layer's width.</summary>
    public int Hidden => Layout.Hidden;

    /// <summary>fc1.weight [H, D], fc1.bias [H], fc2.weight [N, H], fc2.bias [N] (and a Gaussian head's log_std [N]), row-major, in that order.</summary>
    public double[] Values { get; }

    /// <summary>Categorical (discrete actions: logits) or Gaussian (a Box: means and log_std).</summary>
    public PolicyHead Head => Layout.Head;

    /// <summary>The actions' logits (log-probabilities up to a shared constant) for one observation, in float64; the greedy action is the largest. A Gaussian policy's means.</summary>
    public void Logits(ReadOnlySpan<float> observation, Span<double> logits) => PolicyMath.Logits(Values, Layout, observation, logits);

    /// <summary>A Gaussian policy's log standard deviation per action dimension.</summary>
    /// <exception cref="InvalidOperationException">The policy is categorical.</exception>
    public void LogStd(Span<double> logStd)
    {
        if (Layout.Head != PolicyHead.Gaussian)
            throw new InvalidOperationException($"a {Layout} policy is categorical: it has no log_std");
        Values.AsSpan(Layout.LogStd, Layout.Actions).CopyTo(logStd);
    }

    /// <summary>
    /// PyTorch's nn.Linear default: kaiming_uniform(a = sqrt(5)) for weights and the bias rule
    /// both come to uniform(-1/sqrt(fan_in), 1/sqrt(fan_in)); a Gaussian head's log_std starts at
    /// <paramref name="initialLogStd"/> in every dimension.
    /// </summary>
    public static PolicyParameters Initialise(PolicyLayout layout, ulong seed, double initialLogStd = 0.0)
    {
        var values = new double[layout.Count];
        values.AsSpan(layout.LogStd).Fill(initialLogStd);
        ulong key = CounterRandom.StreamKey(seed, InitialisationStream, 0);
        double fc1Bound = 1.0 / Math.Sqrt(layout.Inputs);
        double fc2Bound = 1.0 / Math.Sqrt(layout.Hidden);
        for (int k = 0; k < layout.LogStd; k++)
        {
            double bound = k < layout.Fc2Weight ? fc1Bound : fc2Bound;
            values[k] = -bound + 2.0 * bound * CounterRandom.UniformDouble(key, (ulong)k);
        }
        return new PolicyParameters(layout, values);
    }
}
