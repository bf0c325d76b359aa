using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ILGPU;
using ILGPU.Runtime.Cuda;
using PolicyGradient.Devices;
using Xunit.Abstractions;

namespace PolicyGradient.Tests.Kernels;

/// <summary>
/// Every production kernel compiles for CUDA GPUs (and to OpenCL C) on a machine without one,
/// through the same compilation `pgvec devices --ptx` uses.
/// </summary>
public class PtxCompilationTests(ITestOutputHelper output)
{
    /// <summary>
    /// The `.target` ILGPU 1.5.3 writes for a device of each architecture: the lowest one that
    /// carries every capability it may use (CapabilityContext.tt), capped at sm_80; an sm_90 GPU
    /// gets sm_80 PTX whatever the instruction set, and its driver JIT-compiles that for sm_90.
    /// </summary>
    public static TheoryData<string, string> Architectures => new()
    {
        { "SM_70", "sm_70" },
        { "SM_80", "sm_80" },
        { "SM_90", "sm_80" },
    };

    private static CudaArchitecture Parse(string name) =>
        (CudaArchitecture)typeof(CudaArchitecture).GetField(name, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Every_kernel_compiles_to_PTX_with_an_entry_and_the_target_ILGPU_emits(string architecture, string target)
    {
        CudaArchitecture arch = Parse(architecture);
        var compiled = KernelCompilation.Ptx(arch);

        Assert.Equal(KernelEntryPoints.All.Select(k => k.Name), compiled.Select(c => c.Kernel.Name));
        Assert.Equal(target, KernelCompilation.PtxTargetFor(arch).ToString().ToLowerInvariant());
        foreach (var (kernel, ptx) in compiled.Select(c => (c.Kernel, c.Source)))
        {
            Assert.Single(Regex.Matches(ptx, @"^\.visible \.entry \w+\(", RegexOptions.Multiline));
            Assert.Contains($"\n.target {target}\n", ptx.ReplaceLineEndings("\n"));
            // The newest PTX ISA ILGPU knows, which every current driver (CUDA 12.9+) accepts.
            Assert.Contains("\n.version 8.8\n", ptx.ReplaceLineEndings("\n"));
            output.WriteLine($"{architecture} {kernel.Name}: {ptx.Length} characters of PTX");
        }
    }

    /// <summary>What ILGPU gives the drivers of CUDA 12.4, 12.6 and 12.8 on an sm_90 GPU (CudaVersions.xml): older PTX ISAs than the tests' 8.8.</summary>
    [Theory]
    [InlineData(12, 4, "8.4")]
    [InlineData(12, 6, "8.5")]
    [InlineData(12, 8, "8.7")]
    public void Every_kernel_compiles_to_PTX_with_the_instruction_set_an_older_driver_gets(int major, int minor, string version)
    {
        CudaInstructionSet isa = KernelCompilation.InstructionSetFor(CudaArchitecture.SM_90, CudaDriverVersion.FromMajorMinor(major, minor));
        Assert.Equal(version, $"{isa.Major}.{isa.Minor}");

        var compiled = KernelCompilation.Ptx(CudaArchitecture.SM_90, isa);

        Assert.Equal(KernelEntryPoints.All.Select(k => k.Name), compiled.Select(c => c.Kernel.Name));
        foreach (var (kernel, ptx) in compiled.Select(c => (c.Kernel, c.Source.ReplaceLineEndings("\n"))))
        {
            Assert.Single(Regex.Matches(ptx, @"^\.visible \.entry \w+\(", RegexOptions.Multiline));
            Assert.Contains($"\n.version {version}\n", ptx);
            Assert.Contains("\n.target sm_80\n", ptx);
            output.WriteLine($"CUDA {major}.{minor} {kernel.Name}: {ptx.Length} characters of PTX {version}");
        }
    }

    /// <summary>
    /// PTX max.f32 returns the number when the other operand is NaN, where the CPU accelerator's
    /// MathF.Max returns NaN: a ReLU written with Max turns a NaN preactivation into 0 on a GPU
    /// only, and a diverged policy looks healthy there. The kernels' ReLU must keep NaN.
    /// </summary>
    [Fact]
    public void No_kernel_turns_NaN_into_a_number_with_max_or_min()
    {
        foreach (var (kernel, ptx) in KernelCompilation.Ptx(CudaArchitecture.SM_90).Select(c => (c.Kernel, c.Source)))
            Assert.False(Regex.IsMatch(ptx, @"\b(max|min)\.f(32|64)\b"), $"{kernel.Name} uses PTX max/min, which drop NaN");
    }

    [Fact]
    public void Random_draws_never_go_through_float64()
    {
        // ulong or uint -> float goes through double in IL (conv.r.un): 1/64 rate on consumer GPUs,
        // and the rollout draws once per step. Counts written once per episode into the float64
        // statistics rows (signed int -> double) are not on that path.
        var compiled = KernelCompilation.Ptx(CudaArchitecture.SM_90).ToDictionary(c => c.Kernel.Name, c => c.Source);
        foreach (var (kernel, ptx) in compiled)
            Assert.False(Regex.IsMatch(ptx, @"cvt\.rn\.f64\.u(32|64)"), $"{kernel} converts an unsigned integer through float64");
        Assert.DoesNotMatch(@"\.f64", compiled["uniform_draws"]);
    }

    [Fact]
    public void Kernel_parameters_have_the_same_size_in_PTX_as_on_the_host()
    {
        // The launcher copies each by-value argument's host bytes into the PTX parameter space.
        foreach (var (kernel, ptx) in KernelCompilation.Ptx(CudaArchitecture.SM_90).Select(c => (c.Kernel, c.Source)))
        {
            var declared = Regex.Matches(ptx, @"\.param (?:\.align \d+ )?\.(b8|b32) \w+?(?:\[(\d+)\])?[,\n)]")
                .Select(m => m.Groups[1].Value == "b32" ? 4 : int.Parse(m.Groups[2].Value))
                .ToArray();
            var parameters = kernel.Method.GetParameters();
            Assert.Equal(parameters.Length, declared.Length);
            for (int i = 0; i < parameters.Length; i++)
            {
                Type type = parameters[i].ParameterType;
                // A view is mapped, not copied: where the host holds its buffer and offset, the device gets a pointer.
                if (typeof(IArrayView).IsAssignableFrom(type) && !(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ArrayView<>)))
                    continue;
                int hostSize = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ArrayView<>)
                    ? 16 // a pointer and a length
                    : (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(type).Invoke(null, null)!;
                Assert.True(hostSize == declared[i], $"{kernel.Name} parameter {parameters[i].Name} ({type.Name}): {hostSize} bytes on the host, {declared[i]} in PTX");
            }
        }
    }

    [Fact]
    public void Every_kernel_compiles_to_OpenCL_C()
    {
        var compiled = KernelCompilation.OpenCLC();

        Assert.Equal(KernelEntryPoints.All.Select(k => k.Name), compiled.Select(c => c.Kernel.Name));
        foreach (var (kernel, source) in compiled.Select(c => (c.Kernel, c.Source)))
        {
            Assert.Single(Regex.Matches(source, @"\bkernel void \w+\("));
            output.WriteLine($"{kernel.Name}: {source.Length} characters of OpenCL C");
        }
    }
}
