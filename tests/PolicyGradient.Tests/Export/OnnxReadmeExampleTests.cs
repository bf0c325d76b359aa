using Google.Protobuf;
using PolicyGradient.Policy;
using PolicyGradient.Tests.Cli;

namespace PolicyGradient.Tests.Export;

public class OnnxReadmeExampleTests(SolvedPolicy solved) : IClassFixture<SolvedPolicy>
{
    private static string Text(params string[] path) =>
        File.ReadAllText(Path.Combine([ReferenceData.RepositoryRoot, .. path])).ReplaceLineEndings("\n");

    [Fact]
    public void The_README_quotes_the_CSharp_example_these_tests_compile_and_run_verbatim()
    {
        string example = Text("tests", "PolicyGradient.Tests", "Export", "OnnxReadmeExample.cs").Trim();

        Assert.Contains($"```csharp\n{example}\n```", Text("README.md"));
    }

    [Fact]
    public void The_CSharp_example_picks_pgvecs_greedy_action()
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("policy.onnx");
        File.WriteAllBytes(path, solved.Model.ToByteArray());
        var states = OnnxPolicyModelTests.States().Where((_, i) => i % 20 == 0).ToList();

        Span<double> logits = stackalloc double[2];
        var actions = new List<int>();
        foreach (float[] state in states)
        {
            solved.Policy.Logits(state, logits);
            int action = CartPolePolicy.Act(path, state);
            Assert.Equal(ActionChoices.Greedy(logits), action);
            actions.Add(action);
        }
        Assert.Equal([0, 1], actions.Distinct().Order());
    }
}
