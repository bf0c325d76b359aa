using Google.Protobuf;
using PolicyGradient.Environment;
using PolicyGradient.Reporting.Export;
using PolicyGradient.Reporting.Export.Onnx;
using PolicyGradient.Policy;
using PolicyGradient.Training;

namespace PolicyGradient.Tests.Export;

public class OnnxPolicyTests(SolvedPolicy solved) : IClassFixture<SolvedPolicy>
{
    /// <summary>Passes a network through, noting the greedy action of every observation it scores.</summary>
    private sealed class GreedyActions(IPolicyNetwork network) : IPolicyNetwork
    {
        public List<int> Taken { get; } = [];

        public PolicyGradient.Kernels.PolicyHead Head => network.Head;

        public void LogStd(Span<double> logStd) => network.LogStd(logStd);

        public void Logits(ReadOnlySpan<float> observation, Span<double> logits)
        {
            network.Logits(observation, logits);
            Taken.Add(ActionChoices.Greedy(logits));
        }
    }

    [Fact]
    public void Greedy_episodes_played_through_ONNX_Runtime_take_the_same_actions_as_pgvecs_own_forward()
    {
        const ulong seed = 5;
        using var model = OnnxPolicy.Load(solved.Model.ToByteArray());

        for (int episode = 0; episode < 10; episode++)
        {
            var pgvec = new GreedyActions(solved.Policy);
            var runtime = new GreedyActions(model);
            EpisodeResult expected = PolicyEvaluation.PlayEpisode(pgvec, new CartPole(), CartPoleShapes.Device, episode, seed, ActionChoice.Greedy);
            EpisodeResult actual = PolicyEvaluation.PlayEpisode(runtime, new CartPole(), CartPoleShapes.Device, episode, seed, ActionChoice.Greedy);

            Assert.Equal(pgvec.Taken, runtime.Taken);
            Assert.Equal(expected, actual);
            // The policy keeps the pole up, so every episode compares all 500 actions, both kinds.
            Assert.Equal(500, actual.Length);
            Assert.Equal([0, 1], runtime.Taken.Distinct().Order());
        }
    }

    [Fact]
    public void The_hidden_size_comes_from_the_models_fc1_bias()
    {
        using var model = OnnxPolicy.Load(solved.Model.ToByteArray());
        using var unnamed = OnnxPolicy.Load(Changed(m =>
        {
            m.Graph.Initializer[1].Name = "b1";
            m.Graph.Node[0].Input[2] = "b1";
        }));

        Assert.Equal(32, model.Hidden);
        Assert.Null(unnamed.Hidden);
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { "not a model", "ONNX Runtime cannot load it (" },
        { "input renamed", "its inputs are (x): a policy model has one, 'obs' float [batch, D]" },
        { "second input", "its inputs are (obs, extra)" },
        { "fixed batch of 2", "its input 'obs' is float [2, 4]: must be float [batch, W] with W >= 1" },
        { "no logits output", "it has no output 'logits' or 'mean' (its outputs are probs)" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_model_without_pgvecs_interface_is_refused_naming_what_is_wrong(string change, string message)
    {
        byte[] bytes = change switch
        {
            "not a model" => "not a model"u8.ToArray(),
            "input renamed" => Changed(m =>
            {
                m.Graph.Input[0].Name = "x";
                m.Graph.Node[0].Input[0] = "x";
            }),
            "second input" => Changed(m =>
            {
                var extra = m.Graph.Input[0].Clone();
                extra.Name = "extra";
                m.Graph.Input.Add(extra);
            }),
            "fixed batch of 2" => Changed(m => m.Graph.Input[0].Type.TensorType.Shape.Dim[0].DimValue = 2),
            "no logits output" => Changed(m => m.Graph.Output.RemoveAt(0)),
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };

        var error = Assert.Throws<InvalidDataException>(() => OnnxPolicy.Load(bytes));
        Assert.Contains(message, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    private byte[] Changed(Action<ModelProto> change)
    {
        ModelProto model = solved.Model.Clone();
        change(model);
        return model.ToByteArray();
    }
}
