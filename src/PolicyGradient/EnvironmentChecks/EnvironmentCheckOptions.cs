using ILGPU.Runtime.Cuda;

namespace PolicyGradient.EnvironmentChecks;

/// <summary>How much <see cref="EnvironmentChecker"/> runs; the defaults are `pgvec check-env`'s.</summary>
public sealed record EnvironmentCheckOptions
{
    /// <summary>Episodes played with a uniformly random policy, on the host and on the device.</summary>
    public int Episodes { get; init; } = 16;

    /// <summary>Seed of the checks' reset streams and random actions.</summary>
    public ulong Seed { get; init; }

    /// <summary>Steps a host episode may run before the checks stop it, however long the environment's time limit.</summary>
    public int MaxHostSteps { get; init; } = 10_000;

    /// <summary>
    /// How far the device's float32 numbers may lie from the host's for the same episodes: per
    /// value, <c>|device - host| &lt;= Tolerance * max(1, |host|)</c>. The CPU accelerator runs
    /// the same IL and agrees bit for bit; a GPU may contract a * b + c into one FMA and differ in
    /// the last bits, which a long chaotic episode can grow.
    /// </summary>
    public double Tolerance { get; init; } = 1e-5;

    /// <summary>The GPU architectures the kernels are compiled for (to PTX, offline); empty skips them.</summary>
    public IReadOnlyList<CudaArchitecture> Architectures { get; init; } = [CudaArchitecture.SM_70, CudaArchitecture.SM_80, CudaArchitecture.SM_90];

    /// <summary>Whether the kernels are compiled to OpenCL C too.</summary>
    public bool OpenCL { get; init; } = true;

    /// <summary>Iterations of the smoke training.</summary>
    public int SmokeIterations { get; init; } = 3;

    /// <summary>Envs of the smoke training.</summary>
    public int SmokeEnvs { get; init; } = 64;

    /// <summary>Hidden units of the smoke training's network (and of the device rollouts' uniform policy).</summary>
    public int SmokeHidden { get; init; } = 8;
}
