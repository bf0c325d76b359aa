namespace PolicyGradient.SelfTest;

/// <summary>
/// How far a device's float32 results may lie from the references; shared by the test suite and
/// `pgvec selftest`. Measured on the CPU accelerator, with headroom for GPUs, which contract
/// float multiply-adds into FMAs and so differ in the last bits.
/// </summary>
internal static class DeviceTolerances
{
    /// <summary>
    /// One CartPole step, error relative to the state's size floored at 1. Measured over all 2930
    /// reference transitions (gymnasium_cartpole_v1_reference.json and gymnasium/CartPole-v1.json):
    /// 1.2e-7 at worst (float32 rounding of a few dozen operations).
    /// </summary>
    public const double CartPoleStep = 1e-6;

    /// <summary>
    /// One Acrobot step (rk4 over dt = 0.2), next state and observation, relative floored at 1
    /// (angles modulo a turn). Measured over the 4794 transitions of gymnasium/Acrobot-v1.json on
    /// the CPU accelerator: 5.5e-7 at worst. Of that, rounding the float64 state to float32
    /// (2^-24 = 6e-8 relative) accounts for 1.9e-7 (a float64 step from the rounded state: the
    /// step's Jacobian amplifies it about 3x); the rest is the float32 rk4 itself, four
    /// evaluations of the dynamics, ~100 operations each on velocities up to 9 rad/s. CUDA compiles
    /// MathF.Cos/Sin to cos.approx/sin.approx (absolute error up to 2^-20.5 = 6.7e-7, against an
    /// ulp on the CPU): the same step with every sine and cosine off by +-6.7e-7 reached 2.1e-6
    /// over the data. 1e-5 leaves a factor 5 over that.
    /// </summary>
    public const double AcrobotStep = 1e-5;

    /// <summary>
    /// One MountainCar step, relative floored at 1. The position's float32 rounding (up to 7e-8 at
    /// |position| 1.2) passes one to one into the next position, plus the roundings of the
    /// velocity update and of position + velocity (3e-8 each); the observation adds one float32
    /// rounding more; cos(3 position) enters scaled by 0.0025, so even a GPU's approximate cosine
    /// adds under 2e-9. About 2e-7 in all; measured over the 2226 transitions of
    /// gymnasium/MountainCar-v0.json: 7.5e-8 (state), 1.1e-7 (observation). 1e-6 leaves a factor 5.
    /// </summary>
    public const double MountainCarStep = 1e-6;

    /// <summary>
    /// One Pendulum step (state, observation and reward), relative floored at 1. Theta is never
    /// wrapped and reaches 68 rad in gymnasium/Pendulum-v1.json, where float32's spacing is 7.6e-6:
    /// the rounded theta alone moves cos and sin (the observation) and the normalised angle (the
    /// cost) by up to half that. Measured over its 2400 transitions on the CPU accelerator: state
    /// 2.9e-7, observation 4.4e-6, reward below that. A GPU's approximate sine and cosine add their
    /// own error at such angles; 5e-5 leaves a factor 10 over the measurement.
    /// </summary>
    public const double PendulumStep = 5e-5;

    /// <summary>
    /// One MountainCarContinuous step (state, observation and reward), relative floored at 1: the
    /// arithmetic of MountainCar's step plus the force term; measured over the 8318 transitions of
    /// gymnasium/MountainCarContinuous-v0.json: 6.0e-8. 1e-6 as for MountainCar.
    /// </summary>
    public const double MountainCarContinuousStep = 1e-6;

    /// <summary>Policy logits, relative floored at 1: sums of up to 64 float32 products; measured worst 2.3e-7.</summary>
    public const double Logits = 2e-6;

    /// <summary>
    /// The REINFORCE gradient relative to its largest component: thousands of float32 terms per
    /// parameter through an eligibility trace; measured worst 3.1e-7 on CartPole. Acrobot and
    /// MountainCar reach 6.8e-6 and 3.3e-6 (48 random-policy episodes, CPU accelerator): their
    /// episodes mostly run to the time limit with the same rewards, so the normalised advantages
    /// nearly cancel and the gradient is 30-100x smaller than the sum of its terms' sizes;
    /// against that sum the error is at most 2.2e-7, float32 rounding as on CartPole.
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
