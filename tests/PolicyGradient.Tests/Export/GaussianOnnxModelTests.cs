using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using PolicyGradient.Checkpoints;
using PolicyGradient.Environment;
using PolicyGradient.Reporting.Export;
using PolicyGradient.Reporting.Export.Onnx;
using PolicyGradient.Kernels;
using PolicyGradient.Policy;
using PolicyGradient.SelfTest;
using PolicyGradient.Tests.Policy;
using PolicyGradient.Training;
using Xunit.Abstractions;

namespace PolicyGradient.Tests.Export;

public class GaussianOnnxModelTests(ITestOutputHelper output)
{
    /// <summary>
    /// ONNX Runtime computes in float32, pgvec's reference forward in float64 (from the same
    /// float32 weights). Measured as the categorical export's logits are: absolute up to 1,
    /// relative above; the largest error seen is a few 1e-7.
    /// </summary>
    private const double Tolerance = 1e-6;

    private static readonly IReadOnlyDictionary<string, string> Metadata = new Dictionary<string, string> { ["format"] = "pt", ["pgvec_version"] = "test" };

    public static TheoryData<string, int> Policies => new()
    {
        { Pendulum.GymnasiumId, 1 },
        { Pendulum.GymnasiumId, 32 },
        { Pendulum.GymnasiumId, 256 },
        { MountainCarContinuous.GymnasiumId, 8 },
        { MountainCarContinuous.GymnasiumId, 32 },
    };

    /// <summary>
    /// PyTorch's initialisation with a log_std that is not 0 in float32, and fc2.bias moved by
    /// <paramref name="shift"/>: 0 keeps the means inside the Box, -10 and +10 put every one of them
    /// below or above it, so both bounds of the clipped action are exercised.
    /// </summary>
    private static PolicyParameters Policy(string id, int hidden, double shift = 0)
    {
        PolicyLayout layout = Environments.Named(id).Device.Layout(hidden);
        double[] values = PolicyParameters.Initialise(layout, (ulong)hidden, initialLogStd: -0.7).Values;
        for (int k = layout.Fc2Bias; k < layout.LogStd; k++)
            values[k] += shift;
        // As policy.safetensors holds it: float32.
        return PolicyTensors.Read(PolicyTensors.PolicyFile(new PolicyParameters(layout, values), Metadata));
    }

    /// <summary>
    /// Every observation Gymnasium recorded for the environment (tests/data/gymnasium: resets and
    /// steps) and 1000 seeded random ones over the observation space (twice MountainCar's speed limit).
    /// </summary>
    public static IReadOnlyList<float[]> States(string id)
    {
        var recorded = ReferenceData.GymnasiumFile(id).GetProperty("episodes").EnumerateArray()
            .SelectMany(e => e.GetProperty("steps").EnumerateArray().Prepend(e.GetProperty("reset")))
            .Select(GymnasiumRecords.Observation);
        var random = new Random(19);
        float Uniform(double low, double high) => (float)(low + (high - low) * random.NextDouble());
        Func<float[]> draw = id == Pendulum.GymnasiumId
            ? () =>
            {
                double theta = Uniform(-4, 4);
                return [(float)Math.Cos(theta), (float)Math.Sin(theta), Uniform(-8, 8)];
            }
            : () => [Uniform(-1.2f, 0.6f), Uniform(-0.14f, 0.14f)];
        return [.. recorded, .. Enumerable.Range(0, 1000).Select(_ => draw())];
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void ONNX_Runtime_sees_input_obs_and_outputs_mean_log_std_and_action_with_a_dynamic_batch(string id, int hidden)
    {
        DeviceEnvironment device = Environments.Named(id).Device;
        using var session = new InferenceSession(OnnxPolicyModel.Build(Policy(id, hidden), id, Metadata, "test").ToByteArray());

        var input = Assert.Single(session.InputMetadata);
        Assert.Equal("obs", input.Key);
        Assert.Equal([-1, device.Observations], input.Value.Dimensions);
        Assert.Equal(["action", "log_std", "mean"], session.OutputMetadata.Keys.Order());
        Assert.Equal([-1, 1], session.OutputMetadata["mean"].Dimensions);
        Assert.Equal([1], session.OutputMetadata["log_std"].Dimensions);
        Assert.Equal([-1, 1], session.OutputMetadata["action"].Dimensions);
        Assert.Equal(["batch", ""], session.OutputMetadata["action"].SymbolicDimensions);
        Assert.All(session.OutputMetadata.Values, o => Assert.Equal(typeof(float), o.ElementType));
        var (mean, logStd, action) = Run(session, States(id).Take(7).ToList());
        Assert.Equal(7, mean.Length);
        Assert.Equal(7, action.Length);
        Assert.Single(logStd);
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void The_initializers_are_the_policy_files_tensors_log_std_included_and_the_Box_bounds(string id, int hidden)
    {
        PolicyParameters policy = Policy(id, hidden);
        BoxActions box = (BoxActions)Environments.Named(id).Device.ActionSpace;
        ModelProto model = ModelProto.Parser.ParseFrom(OnnxPolicyModel.Build(policy, id, Metadata, "test").ToByteArray());

        SafeTensorsFile file = PolicyTensors.PolicyFile(policy, Metadata);
        Assert.Equal([.. PolicyTensors.NamesOf(policy.Layout), "action_low", "action_high"], model.Graph.Initializer.Select(t => t.Name));
        Assert.Equal(["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias", "log_std"], PolicyTensors.NamesOf(policy.Layout));
        foreach (TensorProto tensor in model.Graph.Initializer.Take(5))
        {
            Assert.Equal(file.Tensor(tensor.Name).Shape, tensor.Dims);
            Assert.Equal(file.Tensor(tensor.Name).Data, tensor.RawData.ToByteArray());
        }
        Assert.Equal(box.Low, Floats(model.Graph.Initializer[5]));
        Assert.Equal(box.High, Floats(model.Graph.Initializer[6]));
        Assert.Equal(["Gemm", "Relu", "Gemm", "Max", "Min"], model.Graph.Node.Select(n => n.OpType));
        Assert.Equal(["mean", "log_std", "action"], model.Graph.Output.Select(o => o.Name));
        Assert.Equal(hidden, OnnxPolicyModel.HiddenSize(model));
        Assert.Contains($"{id} policy, {policy.Layout} MLP", model.DocString);
        Assert.Contains("mean [batch, 1] of a diagonal Gaussian, its state-independent log_std [1]", model.DocString);
        Assert.Contains($"action [batch, 1] = the mean clipped to the Box [{box.Low[0]}, {box.High[0]}]", model.DocString);
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Mean_log_std_and_clipped_action_of_every_state_are_within_1e6_of_the_float64_forward(string id, int hidden)
    {
        BoxActions box = (BoxActions)Environments.Named(id).Device.ActionSpace;
        IReadOnlyList<float[]> states = States(id);
        foreach (double shift in new[] { 0.0, -10.0, 10.0 })
        {
            var (below, above) = AssertOnnxMatchesForward(Policy(id, hidden, shift), id, box, states);
            // The shifted policies' every mean lies beyond one bound; the initial one's inside the Box.
            Assert.Equal(shift < 0 ? states.Count : 0, below);
            Assert.Equal(shift > 0 ? states.Count : 0, above);
        }
    }

    /// <summary>The batched run (all states at once) and <see cref="OnnxPolicy"/> (one at a time); returns how many means lay below and above the Box.</summary>
    private (int Below, int Above) AssertOnnxMatchesForward(PolicyParameters policy, string id, BoxActions box, IReadOnlyList<float[]> states)
    {
        ModelProto model = OnnxPolicyModel.Build(policy, id, Metadata, "test");
        using var session = new InferenceSession(model.ToByteArray());
        using var onePerRun = OnnxPolicy.Load(model.ToByteArray());

        var (mean, logStd, action) = Run(session, states);

        Span<double> expected = stackalloc double[1];
        Span<double> single = stackalloc double[1];
        Span<double> expectedLogStd = stackalloc double[1];
        policy.LogStd(expectedLogStd);
        Assert.Equal((float)expectedLogStd[0], Assert.Single(logStd));
        onePerRun.LogStd(single);
        Assert.Equal(expectedLogStd[0], single[0]);
        Assert.Equal(PolicyHead.Gaussian, onePerRun.Head);
        int below = 0, above = 0;
        double worst = 0;
        for (int k = 0; k < states.Count; k++)
        {
            policy.Logits(states[k], expected);
            onePerRun.Logits(states[k], single);
            worst = Math.Max(worst, Math.Abs(mean[k][0] - expected[0]) / Math.Max(1.0, Math.Abs(expected[0])));
            PolicyMathTests.AssertClose(expected[0], mean[k][0], Tolerance, $"{id} state {k}: mean");
            Assert.Equal(mean[k][0], single[0]);
            // The clipped action is the float32 mean clipped to the Box, as Gymnasium clips what it is given.
            Assert.Equal(Math.Clamp(mean[k][0], box.Low[0], box.High[0]), action[k][0]);
            PolicyMathTests.AssertClose(Math.Clamp(expected[0], box.Low[0], box.High[0]), action[k][0], Tolerance, $"{id} state {k}: action");
            below += expected[0] < box.Low[0] ? 1 : 0;
            above += expected[0] > box.High[0] ? 1 : 0;
        }
        output.WriteLine($"{id} {policy.Layout}: {states.Count} states, {below} means below the Box, {above} above, largest mean error {worst:E2}");
        return (below, above);
    }

    [Fact]
    public void Greedy_and_sampled_episodes_through_ONNX_Runtime_play_what_pgvecs_own_forward_plays()
    {
        PolicyParameters policy = Policy(Pendulum.GymnasiumId, 32);
        using var model = OnnxPolicy.Load(OnnxPolicyModel.Build(policy, Pendulum.GymnasiumId, Metadata, "test").ToByteArray());
        EnvironmentDefinition pendulum = Environments.Pendulum;

        foreach (ActionChoice choice in new[] { ActionChoice.Greedy, ActionChoice.Sample })
        {
            EpisodeResult[] expected = PolicyEvaluation.Play(policy, pendulum, 5, 11, choice);
            EpisodeResult[] actual = PolicyEvaluation.Play(model, pendulum, 5, 11, choice);
            for (int e = 0; e < expected.Length; e++)
            {
                Assert.Equal(expected[e].Length, actual[e].Length);
                // float32 means that differ in the last bit move the float64 state by as little.
                Assert.Equal(expected[e].Return, actual[e].Return, 1e-6 * Math.Abs(expected[e].Return));
            }
        }
    }

    [Fact]
    public void A_Gaussian_model_without_log_std_is_refused_naming_what_is_missing()
    {
        ModelProto model = OnnxPolicyModel.Build(Policy(Pendulum.GymnasiumId, 8), Pendulum.GymnasiumId, Metadata, "test");
        model.Graph.Output.RemoveAt(1);

        var error = Assert.Throws<InvalidDataException>(() => OnnxPolicy.Load(model.ToByteArray()));
        Assert.Equal("it has an output 'mean' but no 'log_std' (its outputs are mean, action): a Gaussian policy model gives both", error.Message);
    }

    [Fact]
    public void A_Gaussian_policy_is_exported_only_for_an_environment_with_a_Box_of_its_dimensions()
    {
        var error = Assert.Throws<ArgumentException>(() => OnnxPolicyModel.Build(Policy(Pendulum.GymnasiumId, 8), CartPole.GymnasiumId, Metadata, "test"));
        Assert.StartsWith("a 3-8-1 gaussian policy needs a 1-dimensional Box: CartPole-v1's actions are not one", error.Message);
    }

    private static float[] Floats(TensorProto tensor) =>
        [.. tensor.RawData.ToByteArray().Chunk(sizeof(float)).Select(b => BitConverter.ToSingle(b))];

    /// <summary>mean and action (one row per state) and log_std, for all the states in one run.</summary>
    private static (float[][] Mean, float[] LogStd, float[][] Action) Run(InferenceSession session, IReadOnlyList<float[]> states)
    {
        int width = states[0].Length;
        var obs = new DenseTensor<float>(states.SelectMany(s => s).ToArray(), [states.Count, width]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(OnnxPolicyModel.ObservationInput, obs)]);
        float[] Values(string name) => [.. results.Single(r => r.Name == name).AsEnumerable<float>()];
        return ([.. Values("mean").Chunk(1)], Values("log_std"), [.. Values("action").Chunk(1)]);
    }
}
