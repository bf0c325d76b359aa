using ILGPU.Runtime.Cuda;
using PolicyGradient.Batched;
using PolicyGradient.Devices;
using PolicyGradient.Environment;
using PolicyGradient.EnvironmentChecks;
using PolicyGradient.Tests.EnvironmentChecks;

namespace PolicyGradient.Tests.Devices;

/// <summary>
/// What ILGPU 1.5.3 cannot compile in an environment is one line naming the environment's member,
/// what it does and what to write instead, the same for the CPU accelerator and PTX, and when a run
/// loads the kernels; never the compiler's own exception.
/// </summary>
public class EnvironmentCompileErrorsTests
{
    public static TheoryData<object, string> Refused => new()
    {
        { new Uncompilable.StaticArray(), "StaticArray.Step reads the static array Moves, which ILGPU cannot compile into a kernel (Cannot load from the static array 'System.Single[] since it is mutable.): ILGPU reads no static array, readonly or not: compute the value from its index (a switch or arithmetic), or keep the values in fields of the environment struct" },
        { new Uncompilable.Throws(), "Throws.Step throws an exception, which ILGPU cannot compile into a kernel (Not supported IL instruction of type 'Throw'): a kernel cannot throw: clamp or ignore the bad value (an action out of range, say) and return a transition" },
        { new Uncompilable.VirtualCall(), "VirtualCall.Step calls ValueType.GetHashCode virtually on Position, which ILGPU cannot compile into a kernel (Not supported virtual call to method 'GetHashCode' defined in type 'System.ValueType' that was called on 'PolicyGradient.Tests.EnvironmentChecks.Position'): a kernel makes no virtual calls: call a method Position declares itself (a static method or one of its own), not one it inherits from object or ValueType" },
        { new Uncompilable.UsesClass(), "UsesClass.Step uses the class Scale, which ILGPU cannot compile into a kernel (Class type 'PolicyGradient.Tests.EnvironmentChecks.Uncompilable+Scale' is not supported): a kernel has no heap: make it a struct, or call static methods" },
        { new Uncompilable.MutableStatic(), "MutableStatic.Step reads the mutable static field _speed, which ILGPU cannot compile into a kernel (Cannot load from the static field 'Single _speed' since it is not read only): a kernel reads only constants: make it const or static readonly, or a field of the environment struct (its parameters) or of the state" },
        { new Uncompilable.ReadsClock(), "ReadsClock.Reset (through Environment.TickCount -> Environment.TickCount64 -> Sys.GetLowResolutionTimestamp) calls the native method GetLowResolutionTimestamp, which ILGPU cannot compile into a kernel (Native method 'GetLowResolutionTimestamp' is not supported): a kernel runs only plain C# on its arguments: no clock, files, console or System.Random; draw randomness from CounterRandom with the stream key" },
        { new Uncompilable.BoxedInterface(), "BoxedInterface.Step uses the interface IMove as a value (a struct boxed to it), which ILGPU cannot compile into a kernel (Not supported type 'PolicyGradient.Tests.EnvironmentChecks.Uncompilable+IMove'): call the struct's methods directly, or through a generic parameter constrained to the interface (where T : struct, IMove)" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void The_CPU_accelerator_and_PTX_refuse_it_in_the_same_one_line(object environment, string line)
    {
        DeviceEnvironment device = DeviceEnvironment.For(environment);

        CheckResult cpu = CompilationChecks.CpuAccelerator(device);
        CheckResult ptx = CompilationChecks.Ptx(device, CudaArchitecture.SM_80);

        Assert.Equal(line, cpu.Detail);
        Assert.Equal(line, ptx.Detail);
        Assert.Equal([CheckOutcome.Failed, CheckOutcome.Failed], [cpu.Outcome, ptx.Outcome]);
    }

    [Fact]
    public void A_run_that_loads_such_kernels_fails_with_that_line()
    {
        // A context where a kernel failed to compile is spoilt: this test's accelerator is its own.
        using ComputeDevice device = ComputeDevice.OpenCpu(ComputeDevice.CpuDevice(1));
        DeviceEnvironment environment = DeviceEnvironment.For(new Uncompilable.Throws());

        var e = Assert.Throws<EnvironmentCompileException>(() => new EpisodeBatch(device, environment, 1, 4, 8));

        Assert.StartsWith("Throws.Step throws an exception, which ILGPU cannot compile into a kernel", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_continuous_environment_is_refused_the_same_way_when_a_run_loads_its_kernels()
    {
        using ComputeDevice device = ComputeDevice.OpenCpu(ComputeDevice.CpuDevice(1));
        DeviceEnvironment environment = DeviceEnvironment.For(new Uncompilable.ThrowsOnBox());

        var e = Assert.Throws<EnvironmentCompileException>(() => new EpisodeBatch(device, environment, 1, 4, 8));

        Assert.StartsWith("ThrowsOnBox.Step throws an exception, which ILGPU cannot compile into a kernel", e.Message);
    }

    [Fact]
    public void A_class_field_is_refused_before_ILGPU_with_the_field_named()
    {
        var e = Assert.Throws<EnvironmentCompileException>(() => DeviceEnvironment.For(new ClassField()));

        Assert.Equal("ClassField.Table is a float[], a managed array: an environment struct is copied to the device as it is and may hold only numbers, bools and structs of them; " +
                     "keep a table's values in separate fields or a fixed-size buffer (fixed float Table[3]) and pass nothing by reference", e.Message);
    }

    [Fact]
    public void An_exception_that_is_no_compile_failure_is_left_alone()
    {
        Assert.Null(EnvironmentCompileErrors.Describe(new InvalidOperationException("the driver failed"), typeof(Uncompilable.Throws)));
    }
}
