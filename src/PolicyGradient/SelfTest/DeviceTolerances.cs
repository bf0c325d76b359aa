namespace PolicyGradient.SelfTest;

/// <summary>
/// How far a device's float32 results may lie from the references; shared by the test suite and
/// `pgvec selftest`. Measured on the CPU accelerator, with headroom for GPUs, which contract
/// float multiply-adds into FMAs and so differ in the last bits.
/// </summary>
public static class DeviceTolerances
{
    /// <summary>
    /// One CartPole step, error relative to the state's size floored at 1. Measured over all 1467
    /// reference transitions: 1.2e-7 at worst (float32 rounding of a few dozen operations).
    /// </summary>
    public const double Step = 1e-6;

    /// <summary>Policy logits, relative floored at 1: sums of up to 64 float32 products; measured worst 2.3e-7.</summary>
    public const double Logits = 2e-6;

    /// <summary>
    /// The REINFORCE gradient relative to its largest component: thousands of float32 terms per
    /// parameter through an eligibility trace; measured worst 3.1e-7.
    /// </summary>
    public const double Gradient = 1e-5;

    /// <summary>Counter-based draws are integer arithmetic and one exact conversion: bit for bit.</summary>
    public const double RandomDraws = 0.0;

    /// <summary>
    /// Column sums of float32 rows in double, rounded to float twice (per block, per batch):
    /// within a few float32 ulps of the exact sum; min and max are exact.
    /// </summary>
    public const double Reduction = 1e-6;

    /// <summary>
    /// A few training iterations on a device against the CPU accelerator: mean return, mean
    /// entropy and gradient norm per iteration, relative. Rounding differences flip a sampled
    /// action only where a draw lies within float rounding of pi(1|s); once one flips, that episode
    /// and the following updates drift a little, so this bounds drift rather than rounding.
    /// </summary>
    public const double Training = 0.05;
}
