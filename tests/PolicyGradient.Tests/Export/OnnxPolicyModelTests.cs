using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using PolicyGradient.Checkpoints;
using PolicyGradient.Reporting.Export;
using PolicyGradient.Reporting.Export.Onnx;
using PolicyGradient.Policy;
using PolicyGradient.Tests.Policy;
using Xunit.Abstractions;

namespace PolicyGradient.Tests.Export;

public class OnnxPolicyModelTests(SolvedPolicy solved, ITestOutputHelper output) : IClassFixture<SolvedPolicy>
{
    /// <summary>
    /// ONNX Runtime computes in float32, pgvec's reference forward in float64. The error is
    /// measured as PolicyMathTests measures it: absolute up to 1, relative above (a float32
    /// logit near 9 is only kept to within 5e-7 absolute before any arithmetic).
    /// </summary>
    private const double Tolerance = 1e-6;

    /// <summary>Every other observation of the Gymnasium reference trajectories (600) and 400 seeded random states up to twice the termination bounds.</summary>
    public static IReadOnlyList<float[]> States()
    {
        var reference = ReferenceData.Trajectories
            .SelectMany(t => t.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("obs").Floats()).Prepend(t.GetProperty("initial_obs").Floats()))
            .Where((_, i) => i % 2 == 0)
            .Take(600);
        var random = new Random(13);
        float Uniform(double bound) => (float)((2 * random.NextDouble() - 1) * bound);
        var randomStates = Enumerable.Range(0, 400).Select(_ => new[] { Uniform(4.8), Uniform(5.0), Uniform(0.42), Uniform(5.0) }).ToList();
        var states = reference.Concat(randomStates).ToList();
        Assert.Equal(1000, states.Count);
        return states;
    }

    public static TheoryData<int> PyTorchCases() => new(Enumerable.Range(0, ReferenceData.PolicyCases.Count()));

    /// <summary>A PyTorch reference case's parameters as policy.safetensors would hold them (float32).</summary>
    private static PolicyParameters PyTorchCasePolicy(int index)
    {
        var c = ReferenceData.PolicyCases.ElementAt(index);
        var exact = new PolicyParameters(CartPoleShapes.Layout(c.GetProperty("hidden").GetInt32()), c.GetProperty("params").Doubles());
        return PolicyTensors.Read(PolicyTensors.PolicyFile(exact, new Dictionary<string, string>()));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(32)]
    [InlineData(1024)]
    public void ONNX_Runtime_sees_input_obs_and_outputs_logits_and_probs_float_with_a_dynamic_batch(int hidden)
    {
        using var model = new OnnxModelSession(OnnxPolicyModel.Build(PolicyParameters.Initialise(CartPoleShapes.Layout(hidden), 1), "CartPole-v1", SolvedPolicy.Metadata, "test"));

        var input = Assert.Single(model.Session.InputMetadata);
        Assert.Equal("obs", input.Key);
        AssertFloatBatchOf(4, input.Value);
        Assert.Equal(["logits", "probs"], model.Session.OutputMetadata.Keys.Order());
        AssertFloatBatchOf(2, model.Session.OutputMetadata["logits"]);
        AssertFloatBatchOf(2, model.Session.OutputMetadata["probs"]);
        // The batch is any size: 1 and 1000 rows in, as many rows out.
        Assert.Single(model.Run([new float[4]]).Probs);
        Assert.Equal(1000, model.Run(States()).Logits.Length);
    }

    private static void AssertFloatBatchOf(int width, NodeMetadata node)
    {
        Assert.True(node.IsTensor);
        Assert.Equal(typeof(float), node.ElementType);
        Assert.Equal([-1, width], node.Dimensions);
        Assert.Equal(["batch", ""], node.SymbolicDimensions);
    }

    [Fact]
    public void The_graph_is_Gemm_Relu_Gemm_Softmax_over_float32_initializers_named_as_in_PyTorch()
    {
        ModelProto model = ModelProto.Parser.ParseFrom(solved.Model.ToByteArray());

        Assert.Equal(8, model.IrVersion);
        OperatorSetIdProto opset = Assert.Single(model.OpsetImport);
        Assert.Equal("", opset.Domain);
        Assert.InRange(opset.Version, 13, 23);
        GraphProto graph = model.Graph;
        Assert.Equal(["Gemm", "Relu", "Gemm", "Softmax"], graph.Node.Select(n => n.OpType));
        Assert.Equal(["obs", "fc1.weight", "fc1.bias"], graph.Node[0].Input);
        Assert.Equal(["fc2.weight", "fc2.bias"], graph.Node[2].Input.Skip(1));
        Assert.Equal(graph.Node[0].Output, graph.Node[1].Input);
        Assert.Equal(graph.Node[1].Output, graph.Node[2].Input.Take(1));
        Assert.Equal(["logits"], graph.Node[2].Output);
        Assert.Equal(["logits"], graph.Node[3].Input);
        Assert.Equal(["probs"], graph.Node[3].Output);
        foreach (NodeProto gemm in graph.Node.Where(n => n.OpType == "Gemm"))
            Assert.Equal(("transB", 1L), (Assert.Single(gemm.Attribute).Name, gemm.Attribute[0].I));
        Assert.Equal(("axis", -1L), (Assert.Single(graph.Node[3].Attribute).Name, graph.Node[3].Attribute[0].I));
        Assert.Empty(graph.Node[1].Attribute);

        // Each initializer holds exactly the bytes policy.safetensors holds for that tensor.
        SafeTensorsFile file = PolicyTensors.PolicyFile(solved.Policy, SolvedPolicy.Metadata);
        Assert.Equal(PolicyTensors.NamesOf(solved.Policy.Layout), graph.Initializer.Select(t => t.Name));
        foreach (TensorProto tensor in graph.Initializer)
        {
            Assert.Equal((int)TensorProto.Types.DataType.Float, tensor.DataType);
            Assert.Equal(file.Tensor(tensor.Name).Shape, tensor.Dims);
            Assert.Equal(file.Tensor(tensor.Name).Data, tensor.RawData.ToByteArray());
        }
        Assert.Equal(32, OnnxPolicyModel.HiddenSize(model));
    }

    [Fact]
    public void Producer_and_the_runs_configuration_are_in_the_model_where_ONNX_Runtime_reads_them()
    {
        ModelProto model = OnnxPolicyModel.Build(solved.Policy, "CartPole-v1", SolvedPolicy.Metadata, "9.8.7");
        using var session = new OnnxModelSession(model);

        ModelMetadata metadata = session.Session.ModelMetadata;
        Assert.Equal("pgvec", metadata.ProducerName);
        Assert.Equal(SolvedPolicy.Metadata.OrderBy(p => p.Key), metadata.CustomMetadataMap.OrderBy(p => p.Key));
        Assert.Contains("4-32-2", metadata.Description);
        Assert.Equal("9.8.7", model.ProducerVersion);
        Assert.Equal(SolvedPolicy.Metadata.Keys.Order(StringComparer.Ordinal), model.MetadataProps.Select(p => p.Key));
    }

    [Fact]
    public void The_same_policy_and_metadata_always_give_the_same_bytes()
    {
        byte[] first = OnnxPolicyModel.Build(solved.Policy, "CartPole-v1", SolvedPolicy.Metadata, "test").ToByteArray();
        var shuffled = SolvedPolicy.Metadata.Reverse().ToDictionary();

        Assert.Equal(first, OnnxPolicyModel.Build(solved.Policy, "CartPole-v1", shuffled, "test").ToByteArray());
    }

    [Theory]
    [MemberData(nameof(PyTorchCases))]
    public void Logits_and_probs_of_1000_states_are_within_1e6_of_the_float64_forward_for_PyTorchs_reference_policies(int index)
    {
        AssertOnnxMatchesForward(PyTorchCasePolicy(index));
    }

    [Fact]
    public void Logits_and_probs_of_1000_states_are_within_1e6_of_the_float64_forward_for_a_policy_that_solves_CartPole()
    {
        AssertOnnxMatchesForward(solved.Policy);
    }

    /// <summary>The batched run (all 1000 states at once) and <see cref="OnnxPolicy"/> (one at a time) both.</summary>
    private void AssertOnnxMatchesForward(PolicyParameters policy)
    {
        ModelProto model = OnnxPolicyModel.Build(policy, "CartPole-v1", SolvedPolicy.Metadata, "test");
        using var session = new OnnxModelSession(model);
        using var onePerRun = OnnxPolicy.Load(model.ToByteArray());
        IReadOnlyList<float[]> states = States();

        var (logits, probs) = session.Run(states);

        Span<double> expected = stackalloc double[2];
        Span<double> logProbs = stackalloc double[2];
        Span<double> single = stackalloc double[2];
        double worst = 0;
        for (int k = 0; k < states.Count; k++)
        {
            policy.Logits(states[k], expected);
            PolicyMath.LogSoftmax(expected, logProbs);
            onePerRun.Logits(states[k], single);
            for (int a = 0; a < 2; a++)
            {
                worst = Math.Max(worst, Math.Abs(logits[k][a] - expected[a]) / Math.Max(1.0, Math.Abs(expected[a])));
                PolicyMathTests.AssertClose(expected[a], logits[k][a], Tolerance, $"state {k}: logits[{a}]");
                PolicyMathTests.AssertClose(Math.Exp(logProbs[a]), probs[k][a], Tolerance, $"state {k}: probs[{a}]");
                Assert.Equal(logits[k][a], single[a]);
            }
        }
        output.WriteLine($"hidden {policy.Hidden}: largest logit error {worst:E2}");
    }
}
