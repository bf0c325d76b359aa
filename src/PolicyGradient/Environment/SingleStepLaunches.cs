using ILGPU;
using ILGPU.Runtime;
using PolicyGradient.Devices;
using PolicyGradient.Kernels;

namespace PolicyGradient.Environment;

/// <summary>One launch of the single-step kernels on given inputs, whatever the action type: for replay, the self-test, check-env and the tests.</summary>
internal static class SingleStepLaunches
{
    /// <summary>Steps each (state, action) once with <paramref name="kernel"/> (<see cref="SingleStepKernels.Step"/> or <see cref="SingleStepKernels.ContinuousStep"/>).</summary>
    public static DeviceTransition[] Step<TEnvironment, TState, TObservation, TAction>(
        ComputeDevice device,
        Action<Index1D, TEnvironment, ArrayView<TState>, ArrayView<TAction>, ArrayView<TState>, ArrayView<TObservation>, ArrayView<float>, ArrayView<int>> kernel,
        TEnvironment parameters, TState[] states, TAction[] actions)
        where TEnvironment : unmanaged
        where TState : unmanaged
        where TObservation : unmanaged, IVector<TObservation>
        where TAction : unmanaged
    {
        using var s = device.Accelerator.Allocate1D(states);
        using var a = device.Accelerator.Allocate1D(actions);
        using var next = device.Accelerator.Allocate1D<TState>(actions.Length);
        using var observations = device.Accelerator.Allocate1D<TObservation>(actions.Length);
        using var rewards = device.Accelerator.Allocate1D<float>(actions.Length);
        using var terminated = device.Accelerator.Allocate1D<int>(actions.Length);
        kernel(actions.Length, parameters, s.View, a.View, next.View, observations.View, rewards.View, terminated.View);
        TState[] after = next.GetAsArray1D();
        TObservation[] observed = observations.GetAsArray1D();
        float[] paid = rewards.GetAsArray1D();
        int[] ended = terminated.GetAsArray1D();
        return [.. after.Select((state, i) => new DeviceTransition(DeviceStates.Values(state), paid[i], ended[i] != 0, Vectors.ToArray(observed[i])))];
    }

    /// <summary>The network's outputs for each observation, from the packed hidden units and the output bias.</summary>
    public static Logits<TOut>[] Forward<TObservation, TOut>(
        ComputeDevice device,
        Action<Index1D, ArrayView2D<HiddenUnitGroup<TObservation, TOut>, Stride2D.DenseX>, Logits<TOut>, ArrayView<TObservation>, ArrayView<Logits<TOut>>> kernel,
        HiddenUnitGroup<TObservation, TOut>[] packed, Logits<TOut> bias, float[][] observations)
        where TObservation : unmanaged, IVector<TObservation>
        where TOut : unmanaged, IVector<TOut>
    {
        using var groups = device.Accelerator.Allocate1D(packed);
        using var s = device.Accelerator.Allocate1D([.. observations.Select(o => Vectors.FromArray<TObservation>(o))]);
        using var outputs = device.Accelerator.Allocate1D<Logits<TOut>>(observations.Length);
        kernel(observations.Length, groups.View.As2DDenseXView(new LongIndex2D(packed.Length, 1)), bias, s.View, outputs.View);
        return outputs.GetAsArray1D();
    }
}
