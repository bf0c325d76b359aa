using PolicyGradient.Kernels;
using PolicyGradient.Policy;

namespace PolicyGradient.Checkpoints;

/// <summary>
/// The policy as the tutorial's PyTorch module names its state_dict: fc1.weight [H, 4],
/// fc1.bias [H], fc2.weight [2, H], fc2.bias [2]. <see cref="PolicyLayout"/> already keeps the
/// flat parameters in that order, so each tensor is one slice of them.
/// </summary>
public static class PolicyTensors
{
    public const string Fc1Weight = "fc1.weight";
    public const string Fc1Bias = "fc1.bias";
    public const string Fc2Weight = "fc2.weight";
    public const string Fc2Bias = "fc2.bias";

    public static readonly IReadOnlyList<string> Names = [Fc1Weight, Fc1Bias, Fc2Weight, Fc2Bias];

    /// <summary>Each tensor's name, shape and slice of the flat parameter vector, in state_dict order.</summary>
    public static IEnumerable<(string Name, long[] Shape, Range Slice)> Layout(int hidden)
    {
        var layout = new PolicyLayout(hidden);
        yield return (Fc1Weight, [hidden, PolicyLayout.Inputs], layout.Fc1Weight..layout.Fc1Bias);
        yield return (Fc1Bias, [hidden], layout.Fc1Bias..layout.Fc2Weight);
        yield return (Fc2Weight, [PolicyLayout.Actions, hidden], layout.Fc2Weight..layout.Fc2Bias);
        yield return (Fc2Bias, [PolicyLayout.Actions], layout.Fc2Bias..layout.Count);
    }

    /// <summary>
    /// A flat parameter-shaped vector as four tensors named with <paramref name="prefix"/>:
    /// the policy itself (prefix "") or anything laid out like it (Adam's moments).
    /// </summary>
    public static IEnumerable<SafeTensor> ToTensors(int hidden, ReadOnlySpan<double> values, TensorDType dtype, string prefix = "")
    {
        var tensors = new List<SafeTensor>(4);
        foreach (var (name, shape, slice) in Layout(hidden))
        {
            ReadOnlySpan<double> part = values[slice];
            tensors.Add(dtype == TensorDType.F32 ? SafeTensor.F32(prefix + name, shape, part) : SafeTensor.F64(prefix + name, shape, part));
        }
        return tensors;
    }

    /// <summary>The policy's hidden size, read from fc1.bias and checked against every tensor's shape.</summary>
    public static int HiddenSize(SafeTensorsFile file)
    {
        SafeTensor bias = file.Tensor(Fc1Bias);
        if (bias.Shape is not [var hidden] || hidden < 1 || hidden > int.MaxValue / (2 * PolicyLayout.Inputs))
            throw new InvalidDataException($"{Fc1Bias} has shape {SafeTensor.ShapeText(bias.Shape)}: must be [H] with H >= 1");
        return (int)hidden;
    }

    /// <summary>The flat vector stored under <paramref name="prefix"/>; shapes must match a 4-H-2 policy.</summary>
    public static double[] FromTensors(SafeTensorsFile file, int hidden, string prefix = "")
    {
        var values = new double[PolicyLayout.CountFor(hidden)];
        foreach (var (name, shape, slice) in Layout(hidden))
        {
            SafeTensor tensor = file.Tensor(prefix + name);
            if (!tensor.Shape.SequenceEqual(shape))
                throw new InvalidDataException($"{tensor.Name} has shape {SafeTensor.ShapeText(tensor.Shape)}: a 4-{hidden}-2 policy needs {SafeTensor.ShapeText(shape)}");
            double[] part = tensor.ToFloat64();
            if (part.Any(v => !double.IsFinite(v)))
                throw new InvalidDataException($"{tensor.Name} holds a value that is not finite");
            part.CopyTo(values.AsSpan(slice));
        }
        return values;
    }

    /// <summary>
    /// The policy of a policy.safetensors (F32, e.g. saved from PyTorch) or of a pgvec
    /// checkpoint (F64). A policy file holds just the four tensors; a checkpoint also holds
    /// <see cref="TrainingCheckpoint"/>'s, and nothing else is accepted.
    /// </summary>
    public static PolicyParameters Read(SafeTensorsFile file)
    {
        foreach (string name in file.Tensors.Keys)
        {
            if (!Names.Contains(name) && !TrainingCheckpoint.Holds(name))
                throw new InvalidDataException($"it holds tensor '{name}', which is neither the policy's ({string.Join(", ", Names)}) nor a pgvec checkpoint's");
        }
        int hidden = HiddenSize(file);
        return new PolicyParameters(hidden, FromTensors(file, hidden));
    }

    public static PolicyParameters Read(string path) => Read(SafeTensorsFile.Read(path));

    /// <summary>policy.safetensors: float32, what the PyTorch module holds.</summary>
    public static SafeTensorsFile PolicyFile(PolicyParameters policy, IReadOnlyDictionary<string, string> metadata) =>
        new(ToTensors(policy.Hidden, policy.Values, TensorDType.F32), metadata);
}
