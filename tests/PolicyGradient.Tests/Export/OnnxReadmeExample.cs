using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

public static class CartPolePolicy
{
    /// <summary>The action for one observation (x, x_dot, theta, theta_dot): 0 pushes the cart left, 1 right.</summary>
    public static int Act(string modelPath, float[] observation)
    {
        using var session = new InferenceSession(modelPath);
        var obs = new DenseTensor<float>(observation, [1, 4]);
        using var outputs = session.Run([NamedOnnxValue.CreateFromTensor("obs", obs)], ["probs"]);
        float[] probs = outputs.First().AsEnumerable<float>().ToArray();
        return probs[1] > probs[0] ? 1 : 0;
    }
}
