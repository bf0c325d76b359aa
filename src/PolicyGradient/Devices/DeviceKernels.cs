using ILGPU;
using ILGPU.Runtime;
using PolicyGradient.Kernels;

namespace PolicyGradient.Devices;

/// <summary>Every kernel, loaded (compiled) once per accelerator and reused.</summary>
public sealed class DeviceKernels
{
    public DeviceKernels(Accelerator accelerator)
    {
        Accelerator = accelerator;
        Episode = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, EpisodeConfig>(EpisodeKernel.Run);
        ColumnReduce = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ColumnReduceShape>(ColumnReduceKernel.Run);
        Step = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<int>, ArrayView<float>>(SingleStepKernels.Step);
        Forward = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, int>(SingleStepKernels.Forward);
    }

    public Accelerator Accelerator { get; }
    public Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, EpisodeConfig> Episode { get; }
    public Action<Index1D, ArrayView<float>, ArrayView<float>, ColumnReduceShape> ColumnReduce { get; }
    public Action<Index1D, ArrayView<float>, ArrayView<int>, ArrayView<float>> Step { get; }
    public Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, int> Forward { get; }

    /// <summary>Steps each (state, action) once with the float32 kernel physics: [n][5] = next state, terminated.</summary>
    public float[] StepStates(float[] states, int[] actions)
    {
        using var s = Accelerator.Allocate1D(states);
        using var a = Accelerator.Allocate1D(actions);
        using var next = Accelerator.Allocate1D<float>(actions.Length * 5L);
        Step(actions.Length, s.View, a.View, next.View);
        return next.GetAsArray1D();
    }

    /// <summary>Policy logits [n][2] for states [n][4], computed by the device network.</summary>
    public float[] Logits(float[] parameters, int hidden, float[] states)
    {
        using var p = Accelerator.Allocate1D(parameters);
        using var s = Accelerator.Allocate1D(states);
        using var logits = Accelerator.Allocate1D<float>(states.Length / 4 * 2L);
        Forward(states.Length / 4, p.View, s.View, logits.View, hidden);
        return logits.GetAsArray1D();
    }
}
