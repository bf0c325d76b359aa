using ILGPU.Runtime.Cuda;
using PolicyGradient.Devices;

namespace PolicyGradient.Tests.Kernels;

/// <summary>
/// No kernel declares `.local` memory (a local array, or a value whose address is taken): on a GPU
/// it lives in device memory behind the caches, so a hot loop that touches it runs far slower.
/// Register spills that ptxas adds on its own are not visible here (they need `ptxas -v` on a GPU).
/// </summary>
public class PtxLocalMemoryTests
{
    [Fact]
    public void No_kernel_declares_local_memory()
    {
        var compiled = KernelCompilation.Ptx(CudaArchitecture.SM_90);
        Assert.NotEmpty(compiled);
        foreach (var (kernel, ptx) in compiled.Select(c => (c.Kernel, c.Source)))
            Assert.False(ptx.Contains(".local"), $"{kernel.Name} declares .local memory");
    }
}
