using PolicyGradient.Kernels;
using PolicyGradient.Policy;

namespace PolicyGradient.Checkpoints;

/// <summary>
/// The policy as the tutorial's PyTorch module names its state_dict: fc1.weight [H, D],
/// fc1.bias [H], fc2.weight [N, H], fc2.bias [N], and for a Gaussian policy log_std [N], as a
/// module registering `self.log_std = nn.Parameter(...)` after fc2 holds it (README).
/// <see cref="PolicyLayout"/> already keeps the flat parameters in that order, so each tensor is one slice of them.
/// </summary>
internal static class PolicyTensors
{
    public const string Fc1Weight = "fc1.weight";
    public const string Fc1Bias = "fc1.bias";
    public const string Fc2Weight = "fc2.weight";
    public const string Fc2Bias = "fc2.bias";
    public const string LogStd = "log_std";

    /// <summary>Every tensor name a policy may have (log_std: a Gaussian one only).</summary>
    public static readonly IReadOnlyList<string> Names = [Fc1Weight, Fc1Bias, Fc2Weight, Fc2Bias, LogStd];

    /// <summary>The tensors a <paramref name="layout"/> policy has, in state_dict order.</summary>
    public static IEnumerable<string> NamesOf(PolicyLayout layout) => Tensors(layout).Select(t => t.Name);

    /// <summary>Each tensor's name, shape and slice of the flat parameter vector, in state_dict order.</summary>
    public static IEnumerable<(string Name, long[] Shape, Range Slice)> Tensors(PolicyLayout layout)
    {
        yield return (Fc1Weight, [layout.Hidden, layout.Inputs], layout.Fc1Weight..layout.Fc1Bias);
        yield return (Fc1Bias, [layout.Hidden], layout.Fc1Bias..layout.Fc2Weight);
        yield return (Fc2Weight, [layout.Actions, layout.Hidden], layout.Fc2Weight..layout.Fc2Bias);
        yield return (Fc2Bias, [layout.Actions], layout.Fc2Bias..layout.LogStd);
        if (layout.Head == PolicyHead.Gaussian)
            yield return (LogStd, [layout.Actions], layout.LogStd..layout.Count);
    }

    /// <summary>
    /// A flat parameter-shaped vector as its tensors named with <paramref name="prefix"/>:
    /// the policy itself (prefix "") or anything laid out like it (Adam's moments).
    /// </summary>
    public static IEnumerable<SafeTensor> ToTensors(PolicyLayout layout, ReadOnlySpan<double> values, TensorDType dtype, string prefix = "")
    {
        var tensors = new List<SafeTensor>(4);
        foreach (var (name, shape, slice) in Tensors(layout))
        {
            ReadOnlySpan<double> part = values[slice];
            tensors.Add(dtype == TensorDType.F32 ? SafeTensor.F32(prefix + name, shape, part) : SafeTensor.F64(prefix + name, shape, part));
        }
        return tensors;
    }

    /// <summary>
    /// The policy's shape D-H-N: H from fc1.bias, D from fc1.weight's columns, N from fc2.bias, and
    /// Gaussian where a log_std is stored; every tensor's shape is then checked against it.
    /// </summary>
    public static PolicyLayout LayoutOf(SafeTensorsFile file)
    {
        SafeTensor bias = file.Tensor(Fc1Bias);
        if (bias.Shape is not [var hidden] || hidden < 1 || hidden > 1 << 20)
            throw new InvalidDataException($"{Fc1Bias} has shape {SafeTensor.ShapeText(bias.Shape)}: must be [H] with 1 <= H <= {1 << 20}");
        SafeTensor weight = file.Tensor(Fc1Weight);
        if (weight.Shape is not [_, var inputs] || inputs < 1 || inputs > 1 << 10)
            throw new InvalidDataException($"{Fc1Weight} has shape {SafeTensor.ShapeText(weight.Shape)}: must be [H, D] with 1 <= D <= {1 << 10}");
        SafeTensor output = file.Tensor(Fc2Bias);
        bool gaussian = file.Tensors.ContainsKey(LogStd);
        int fewest = gaussian ? 1 : 2;
        if (output.Shape is not [var actions] || actions < fewest || actions > 1 << 10)
            throw new InvalidDataException($"{Fc2Bias} has shape {SafeTensor.ShapeText(output.Shape)}: must be [N] with {fewest} <= N <= {1 << 10}");
        return new PolicyLayout((int)inputs, (int)hidden, (int)actions, gaussian ? PolicyHead.Gaussian : PolicyHead.Categorical);
    }

    /// <summary>The flat vector stored under <paramref name="prefix"/>; shapes must match the <paramref name="layout"/> policy.</summary>
    public static double[] FromTensors(SafeTensorsFile file, PolicyLayout layout, string prefix = "")
    {
        var values = new double[layout.Count];
        foreach (var (name, shape, slice) in Tensors(layout))
        {
            SafeTensor tensor = file.Tensor(prefix + name);
            if (!tensor.Shape.SequenceEqual(shape))
                throw new InvalidDataException($"{tensor.Name} has shape {SafeTensor.ShapeText(tensor.Shape)}: a {layout} policy needs {SafeTensor.ShapeText(shape)}");
            double[] part = tensor.ToFloat64();
            if (part.Any(v => !double.IsFinite(v)))
                throw new InvalidDataException($"{tensor.Name} holds a value that is not finite");
            part.CopyTo(values.AsSpan(slice));
        }
        return values;
    }

    /// <summary>
    /// The policy of a policy.safetensors (F32, e.g. saved from PyTorch) or of a pgvec
    /// checkpoint (F64). A policy file holds just the policy's tensors; a checkpoint also holds
    /// <see cref="TrainingCheckpoint"/>'s, and nothing else is accepted.
    /// </summary>
    public static PolicyParameters Read(SafeTensorsFile file)
    {
        foreach (string name in file.Tensors.Keys)
        {
            if (!Names.Contains(name) && !TrainingCheckpoint.Holds(name))
                throw new InvalidDataException($"it holds tensor '{name}', which is neither the policy's ({string.Join(", ", Names)}) nor a pgvec checkpoint's");
        }
        PolicyLayout layout = LayoutOf(file);
        return new PolicyParameters(layout, FromTensors(file, layout));
    }

    public static PolicyParameters Read(string path) => Read(SafeTensorsFile.Read(path));

    /// <summary>policy.safetensors: float32, what the PyTorch module holds.</summary>
    public static SafeTensorsFile PolicyFile(PolicyParameters policy, IReadOnlyDictionary<string, string> metadata) =>
        new(ToTensors(policy.Layout, policy.Values, TensorDType.F32), metadata);
}
