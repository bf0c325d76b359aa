using System.Text.Json;
using PolicyGradient.Checkpoints;
using PolicyGradient.Policy;

namespace PolicyGradient.Tests.Checkpoints;

public class PolicyTensorsTests
{
    public static TheoryData<int> Cases() => new(Enumerable.Range(0, ReferenceData.PolicyCases.Count()));

    private static PolicyParameters ReferencePolicy(int index)
    {
        JsonElement c = ReferenceData.PolicyCases.ElementAt(index);
        return new PolicyParameters(CartPoleShapes.Layout(c.GetProperty("hidden").GetInt32()), c.GetProperty("params").Doubles());
    }

    private static IReadOnlyDictionary<string, string> Metadata => new Dictionary<string, string> { ["format"] = "pt" };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Policy_file_holds_the_PyTorch_state_dict_float32_under_the_tutorials_names(int index)
    {
        PolicyParameters policy = ReferencePolicy(index);
        int h = policy.Hidden;
        float[] flat = policy.Values.Select(v => (float)v).ToArray();

        var raw = new RawSafeTensors(PolicyTensors.PolicyFile(policy, Metadata).ToBytes());

        // The reference's params are PyTorch's state_dict flattened in order: fc1.weight [H][4], fc1.bias [H], fc2.weight [2][H], fc2.bias [2].
        raw.AssertWellFormed();
        Assert.Equal(["__metadata__", "fc1.bias", "fc1.weight", "fc2.bias", "fc2.weight"], raw.Names);
        raw.AssertEntry("fc1.bias", "F32", [h], 0, 4 * h);
        raw.AssertEntry("fc1.weight", "F32", [h, 4], 4 * h, 20 * h);
        raw.AssertEntry("fc2.bias", "F32", [2], 20 * h, 20 * h + 8);
        raw.AssertEntry("fc2.weight", "F32", [2, h], 20 * h + 8, 28 * h + 8);
        Assert.Equal(flat[..(4 * h)], raw.Floats("fc1.weight"));
        Assert.Equal(flat[(4 * h)..(5 * h)], raw.Floats("fc1.bias"));
        Assert.Equal(flat[(5 * h)..(7 * h)], raw.Floats("fc2.weight"));
        Assert.Equal(flat[(7 * h)..], raw.Floats("fc2.bias"));
        Assert.Equal("pt", raw.Metadata["format"]);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Policy_file_reads_back_as_the_float32_rounded_parameters(int index)
    {
        PolicyParameters policy = ReferencePolicy(index);

        PolicyParameters read = PolicyTensors.Read(SafeTensorsFile.Parse(PolicyTensors.PolicyFile(policy, Metadata).ToBytes()));

        Assert.Equal(policy.Hidden, read.Hidden);
        Assert.Equal(policy.Values.Select(v => (double)(float)v), read.Values);
    }

    private static SafeTensorsFile With(PolicyParameters policy, Func<SafeTensor, SafeTensor?> change) =>
        new(PolicyTensors.PolicyFile(policy, Metadata).Tensors.Values.Select(change).OfType<SafeTensor>());

    public static TheoryData<string, string> BadPolicies => new()
    {
        { "fc1.weight [7, 4]", "fc1.weight has shape [7, 4]: a 4-8-2 policy needs [8, 4]" },
        { "fc2.weight [2, 7]", "fc2.weight has shape [2, 7]: a 4-8-2 policy needs [2, 8]" },
        { "fc1.bias [8, 1]", "fc1.bias has shape [8, 1]: must be [H] with 1 <= H <= 1048576" },
        { "no fc2.bias", "it has no tensor 'fc2.bias'" },
        { "fc1.bias as I64", "tensor 'fc1.bias' is I64: must be F32 or F64" },
        { "a NaN weight", "fc2.bias holds a value that is not finite" },
        { "an extra tensor", "it holds tensor 'fc3.weight', which is neither the policy's" },
    };

    [Theory]
    [MemberData(nameof(BadPolicies))]
    public void Refuses_a_file_that_does_not_hold_a_4_H_2_policy(string problem, string message)
    {
        PolicyParameters policy = PolicyParameters.Initialise(CartPoleShapes.Layout(8), 1);
        SafeTensorsFile file = problem switch
        {
            "fc1.weight [7, 4]" => With(policy, t => t.Name == "fc1.weight" ? SafeTensor.F32(t.Name, [7, 4], new double[28]) : t),
            "fc2.weight [2, 7]" => With(policy, t => t.Name == "fc2.weight" ? SafeTensor.F32(t.Name, [2, 7], new double[14]) : t),
            "fc1.bias [8, 1]" => With(policy, t => t.Name == "fc1.bias" ? SafeTensor.F32(t.Name, [8, 1], new double[8]) : t),
            "no fc2.bias" => With(policy, t => t.Name == "fc2.bias" ? null : t),
            "fc1.bias as I64" => With(policy, t => t.Name == "fc1.bias" ? new SafeTensor(t.Name, TensorDType.I64, [8], new byte[64]) : t),
            "a NaN weight" => With(policy, t => t.Name == "fc2.bias" ? SafeTensor.F32(t.Name, [2], [0, double.NaN]) : t),
            "an extra tensor" => new SafeTensorsFile([.. With(policy, t => t).Tensors.Values, SafeTensor.F32("fc3.weight", [1], [0])]),
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };

        var error = Assert.Throws<InvalidDataException>(() => PolicyTensors.Read(file));

        Assert.Contains(message, error.Message);
    }
}
