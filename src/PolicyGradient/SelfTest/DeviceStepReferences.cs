using System.Text.Json;
using PolicyGradient.Environment;
using PolicyGradient.Kernels;

namespace PolicyGradient.SelfTest;

/// <summary>
/// How one built-in environment's float32 device step is checked against Gymnasium's float64
/// records: from every recorded state (rounded to float32) one device step with the recorded
/// action must land within <see cref="Tolerance"/> of the recorded next state and observation,
/// with the recorded reward and terminated flag, except where the recorded state lies within
/// the tolerance's reach of a termination threshold, where float32 may decide either way.
/// </summary>
/// <param name="CheckName">The self-test's line for it.</param>
/// <param name="Files">The reference files (paths under tests/data, embedded for the self-test).</param>
/// <param name="Tolerance">Error relative to the value's size floored at 1, for state and observation (see <see cref="DeviceTolerances"/>).</param>
/// <param name="Angles">State components wrapped into [-pi, pi]: compared modulo a turn, as the two roundings may wrap to opposite ends.</param>
/// <param name="NearTermination">Whether a float64 state is so near a termination threshold that the flag (and the reward tied to it) is not compared.</param>
/// <param name="Terminates">False for an environment only the time limit ends (Pendulum).</param>
/// <param name="RewardTolerance">The reward's error relative to its size floored at 1: 0 (exact) for the constant rewards of the discrete environments.</param>
internal sealed record DeviceStepReference(
    EnvironmentDefinition Environment, string CheckName, IReadOnlyList<string> Files, double Tolerance, int[] Angles, Func<double[], bool> NearTermination,
    double RewardTolerance = 0.0, bool Terminates = true)
{
    /// <summary>Steps every transition of <paramref name="documents"/> with <paramref name="step"/> and compares.</summary>
    public DeviceStepComparison Check(Func<DeviceEnvironment, float[][], StepActions, DeviceTransition[]> step, IEnumerable<JsonElement> documents)
    {
        ReferenceTransition[] transitions = [.. documents.SelectMany(GymnasiumRecords.Transitions)];
        float[][] states = [.. transitions.Select(t => t.Before.Select(v => (float)v).ToArray())];
        DeviceTransition[] next = step(Environment.Device, states, ReferenceAction.Batch(transitions));
        return DeviceStepComparison.Of(this, transitions, next);
    }
}

/// <summary>What <see cref="DeviceStepReference.Check"/> found.</summary>
/// <param name="FlagsChecked">Transitions whose terminated flag and reward were compared (the rest lie near a threshold).</param>
/// <param name="Failures">The first few failures, for messages; <paramref name="FailureCount"/> counts them all.</param>
internal sealed record DeviceStepComparison(int Transitions, int FlagsChecked, double WorstState, double WorstObservation, int FlagFailures, int FailureCount, IReadOnlyList<string> Failures)
{
    /// <summary>At least this share of the transitions must have their flags compared, or the check proves little about termination.</summary>
    public const double FlagsCheckedShare = 0.99;

    public double WorstError => Math.Max(WorstState, WorstObservation);

    public bool EnoughFlagsChecked => FlagsChecked >= FlagsCheckedShare * Transitions;

    public string Summary => $"{Transitions} Gymnasium transitions, terminated and reward on {FlagsChecked} ({Transitions - FlagsChecked} near a threshold)";

    public static DeviceStepComparison Of(DeviceStepReference reference, IReadOnlyList<ReferenceTransition> transitions, IReadOnlyList<DeviceTransition> device)
    {
        if (device.Count != transitions.Count)
            throw new InvalidOperationException($"{device.Count} device transitions for {transitions.Count} reference transitions");
        double worstState = 0.0, worstObservation = 0.0;
        int flagsChecked = 0, flagFailures = 0, failureCount = 0;
        var failures = new List<string>();
        void Fail(string message)
        {
            if (failures.Count < 10)
                failures.Add(message);
            failureCount++;
        }
        for (int i = 0; i < transitions.Count; i++)
        {
            ReferenceTransition expected = transitions[i];
            DeviceTransition actual = device[i];
            string where = $"{reference.Environment.Id} {expected.Where}";
            for (int k = 0; k < expected.After.Length; k++)
            {
                double error = Relative(actual.State[k], expected.After[k], reference.Angles.Contains(k));
                worstState = Math.Max(worstState, error);
                if (!(error <= reference.Tolerance))
                    Fail($"{where}: state[{k}] {actual.State[k]:R} vs {expected.After[k]:R} (error {error:E2})");
            }
            for (int k = 0; k < expected.Observation.Length; k++)
            {
                double error = Relative(actual.Observation[k], expected.Observation[k], angle: false);
                worstObservation = Math.Max(worstObservation, error);
                if (!(error <= reference.Tolerance))
                    Fail($"{where}: observation[{k}] {actual.Observation[k]:R} vs {expected.Observation[k]:R} (error {error:E2})");
            }
            if (reference.NearTermination(expected.After))
                continue;
            flagsChecked++;
            if (actual.Terminated != expected.Terminated || (expected.Reward is double reward && !(Relative(actual.Reward, reward, angle: false) <= reference.RewardTolerance)))
            {
                flagFailures++;
                Fail($"{where}: terminated {actual.Terminated} reward {actual.Reward:R} vs terminated {expected.Terminated} reward {expected.Reward:R}");
            }
        }
        return new DeviceStepComparison(transitions.Count, flagsChecked, worstState, worstObservation, flagFailures, failureCount, failures);
    }

    /// <summary>|actual - expected| / max(1, |expected|); for an angle the difference is taken modulo a turn first.</summary>
    private static double Relative(double actual, double expected, bool angle)
    {
        double difference = actual - expected;
        if (angle)
            difference = Math.IEEERemainder(difference, 2 * Math.PI);
        return Math.Abs(difference) / Math.Max(1.0, Math.Abs(expected));
    }
}

/// <summary>The step reference of every built-in environment, in <see cref="Environments.All"/>' order.</summary>
internal static class DeviceStepReferences
{
    public static readonly DeviceStepReference CartPole = new(
        Environments.CartPole, "cartpole step", [EmbeddedReferences.GymnasiumFile, "gymnasium/CartPole-v1.json"], DeviceTolerances.CartPoleStep, [],
        // |x| and |theta| compared strictly with 2.4 and 12 degrees; a relative error e moves x by up to 2.4 e there and theta by e.
        s => Math.Abs(Math.Abs(s[0]) - CartPoleConstants.XThreshold) <= DeviceTolerances.CartPoleStep * CartPoleConstants.XThreshold
             || Math.Abs(Math.Abs(s[2]) - CartPoleConstants.ThetaThreshold) <= DeviceTolerances.CartPoleStep);

    public static readonly DeviceStepReference Acrobot = new(
        Environments.Acrobot, "acrobot step", ["gymnasium/Acrobot-v1.json"], DeviceTolerances.AcrobotStep, [0, 1],
        s => Math.Abs(AcrobotTipHeight(s) - 1.0) <= AcrobotTipHeightError);

    public static readonly DeviceStepReference MountainCar = new(
        Environments.MountainCar, "mountaincar step", ["gymnasium/MountainCar-v0.json"], DeviceTolerances.MountainCarStep, [],
        // position >= 0.5 and velocity >= 0: near when one is within reach of its threshold and the
        // other is not clearly failing. (The left wall, where position clips to -1.2 and velocity
        // drops to 0, is an edge too; the records' two wall hits lie far from it, and one that did
        // not would fail naming its transition.) |position| <= 1.2 and |velocity| <= 0.07, so a relative
        // error e (floored at 1) moves either by at most 1.2 e.
        s =>
        {
            double reach = -MountainCarConstants.MinPosition * DeviceTolerances.MountainCarStep;
            bool positionNear = Math.Abs(s[0] - MountainCarConstants.GoalPosition) <= reach;
            bool velocityNear = Math.Abs(s[1] - MountainCarConstants.GoalVelocity) <= reach;
            return (positionNear && s[1] >= MountainCarConstants.GoalVelocity - reach)
                   || (velocityNear && s[0] >= MountainCarConstants.GoalPosition - reach);
        });

    public static readonly DeviceStepReference Pendulum = new(
        Environments.Pendulum, "pendulum step", ["gymnasium/Pendulum-v1.json"], DeviceTolerances.PendulumStep, [],
        // Never terminates.
        _ => false, DeviceTolerances.PendulumStep, Terminates: false);

    public static readonly DeviceStepReference MountainCarContinuous = new(
        Environments.MountainCarContinuous, "mountaincarcontinuous step", ["gymnasium/MountainCarContinuous-v0.json"], DeviceTolerances.MountainCarContinuousStep, [],
        // position >= 0.45 and velocity >= 0, judged as for MountainCar; the reward's +100 goes with the flag.
        s =>
        {
            double reach = -MountainCarContinuousConstants.MinPosition * DeviceTolerances.MountainCarContinuousStep;
            bool positionNear = Math.Abs(s[0] - MountainCarContinuousConstants.GoalPosition) <= reach;
            bool velocityNear = Math.Abs(s[1] - MountainCarContinuousConstants.GoalVelocity) <= reach;
            return (positionNear && s[1] >= MountainCarContinuousConstants.GoalVelocity - reach)
                   || (velocityNear && s[0] >= MountainCarContinuousConstants.GoalPosition - reach);
        },
        DeviceTolerances.MountainCarContinuousStep);

    public static readonly IReadOnlyList<DeviceStepReference> All = [CartPole, Acrobot, MountainCar, Pendulum, MountainCarContinuous];

    /// <summary>Acrobot ends when -cos(theta1) - cos(theta1 + theta2) > 1.</summary>
    private static double AcrobotTipHeight(double[] s) => -Math.Cos(s[0]) - Math.Cos(s[0] + s[1]);

    /// <summary>
    /// How far the device's tip height may lie from the float64 one: the angles are off by at most
    /// pi e (relative floored at 1, |theta| &lt;= pi), and |d height| &lt;= 2 |d theta1| + |d theta2|,
    /// so 3 pi e; plus the float32 evaluation of the height (two cosines, a sum and a difference,
    /// each within an ulp of values at most 2), below 1e-6.
    /// </summary>
    private static readonly double AcrobotTipHeightError = 3 * Math.PI * DeviceTolerances.AcrobotStep + 1e-6;
}
