using System.Reflection;
using System.Runtime.CompilerServices;
using ILGPU;
using ILGPU.Runtime;
using PolicyGradient.Batched;
using PolicyGradient.Kernels;
using PolicyGradient.Policy;
using Parameters = ILGPU.Runtime.ArrayView2D<PolicyGradient.Kernels.HiddenUnitGroup, ILGPU.Stride2D.DenseX>;
using Observations = ILGPU.Runtime.ArrayView2D<PolicyGradient.Kernels.CartPoleState, ILGPU.Stride2D.DenseX>;
using Samples = ILGPU.Runtime.ArrayView2D<PolicyGradient.Kernels.ActionSample, ILGPU.Stride2D.DenseX>;
using Rows = ILGPU.Runtime.ArrayView2D<double, ILGPU.Stride2D.DenseX>;

namespace PolicyGradient.Devices;

/// <summary>Every kernel, loaded (compiled) once per accelerator and reused.</summary>
public sealed class DeviceKernels
{
    public DeviceKernels(Accelerator accelerator)
    {
        Accelerator = accelerator;
        // The CPU accelerator calls the kernels' .NET methods: the JIT compiles them on another
        // core while ILGPU compiles the kernels here, instead of inside the first iteration.
        Task methodsCompiled = accelerator.AcceleratorType == AcceleratorType.CPU ? Task.Run(CompileKernelMethods) : Task.CompletedTask;
        Rollout = accelerator.LoadAutoGroupedStreamKernel(Listed<Action<Index1D, Parameters, ArrayView<AgentEpisodes>, Observations, Samples, Rows, EpisodeConfig>>(RolloutKernel.Run));
        Gradient = accelerator.LoadAutoGroupedStreamKernel(Listed<Action<Index1D, Parameters, ArrayView<AgentEpisodes>, Observations, Samples, Rows, Rows, EpisodeConfig>>(GradientKernel.Run));
        ColumnReduce = accelerator.LoadAutoGroupedStreamKernel(Listed<Action<Index1D, ArrayView<AgentEpisodes>, Rows, Rows, ColumnReduceShape>>(ColumnReduceKernel.Run));
        Step = accelerator.LoadAutoGroupedStreamKernel(Listed<Action<Index1D, ArrayView<float>, ArrayView<int>, ArrayView<float>>>(SingleStepKernels.Step));
        Forward = accelerator.LoadAutoGroupedStreamKernel(Listed<Action<Index1D, Parameters, ArrayView<float>, ArrayView<float>, AgentEpisodes>>(SingleStepKernels.Forward));
        UniformDraws = accelerator.LoadAutoGroupedStreamKernel(Listed<Action<Index1D, ArrayView<ulong>, ArrayView<ulong>, ArrayView<float>>>(SingleStepKernels.UniformDraws));
        methodsCompiled.Wait();
    }

    /// <summary>JIT-compiles every non-generic method of the kernels' classes (entry points and the loops they call).</summary>
    private static void CompileKernelMethods()
    {
        const BindingFlags methods = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        foreach (Type type in KernelEntryPoints.All.Select(k => k.Method.DeclaringType!).Distinct())
        {
            foreach (MethodInfo method in type.GetMethods(methods).Where(m => !m.IsGenericMethodDefinition))
                RuntimeHelpers.PrepareMethod(method.MethodHandle);
        }
    }

    /// <summary>Every kernel loaded here must be in <see cref="KernelEntryPoints.All"/>, which the PTX compilation tests compile.</summary>
    private static T Listed<T>(T kernel) where T : Delegate
    {
        KernelEntryPoints.For(kernel.Method);
        return kernel;
    }

    public Accelerator Accelerator { get; }
    public Action<Index1D, Parameters, ArrayView<AgentEpisodes>, Observations, Samples, Rows, EpisodeConfig> Rollout { get; }
    public Action<Index1D, Parameters, ArrayView<AgentEpisodes>, Observations, Samples, Rows, Rows, EpisodeConfig> Gradient { get; }
    public Action<Index1D, ArrayView<AgentEpisodes>, Rows, Rows, ColumnReduceShape> ColumnReduce { get; }
    public Action<Index1D, ArrayView<float>, ArrayView<int>, ArrayView<float>> Step { get; }
    public Action<Index1D, Parameters, ArrayView<float>, ArrayView<float>, AgentEpisodes> Forward { get; }
    public Action<Index1D, ArrayView<ulong>, ArrayView<ulong>, ArrayView<float>> UniformDraws { get; }

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
    public float[] Logits(PolicyParameters policy, float[] states)
    {
        var packed = new HiddenUnitGroup[HiddenUnitGroup.CountFor(policy.Hidden)];
        var (bias0, bias1) = PackedPolicy.Pack(policy, packed);
        using var groups = Accelerator.Allocate1D(packed);
        using var s = Accelerator.Allocate1D(states);
        using var logits = Accelerator.Allocate1D<float>(states.Length / 4 * 2L);
        Forward(states.Length / 4, groups.View.As2DDenseXView(new LongIndex2D(packed.Length, 1)), s.View, logits.View,
            new AgentEpisodes { OutputBias0 = bias0, OutputBias1 = bias1 });
        return logits.GetAsArray1D();
    }

    /// <summary>The device's counter-based uniform floats for each (key, counter) pair.</summary>
    public float[] UniformFloats(ulong[] keys, ulong[] counters)
    {
        using var k = Accelerator.Allocate1D(keys);
        using var c = Accelerator.Allocate1D(counters);
        using var draws = Accelerator.Allocate1D<float>(keys.Length);
        UniformDraws(keys.Length, k.View, c.View, draws.View);
        return draws.GetAsArray1D();
    }
}
