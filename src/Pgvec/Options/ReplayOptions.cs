using CommandLine;
using Pgvec.CommandLine;
using Pgvec.Commands;
using Pgvec.Replay;
using PolicyGradient.Devices;
using PolicyGradient.Environment;

namespace Pgvec.Options;

[Verb("replay", HelpText = "Steps one environment (--env) from a given state through given actions; prints one JSON object per step.")]
internal sealed class ReplayOptions : ICommand, ICheckedOptions
{
    [Option("env", Default = "CartPole-v1", HelpText = "The Gymnasium environment: CartPole-v1, Acrobot-v1, MountainCar-v0, Pendulum-v1 or MountainCarContinuous-v0, or one of --env-assembly's.")]
    [EnvironmentId]
    public string Env { get; set; } = "CartPole-v1";

    [Option("env-assembly", MetaValue = "DLL", HelpText = EnvironmentChoice.AssemblyHelp + " The state given is then its state struct's fields in order, and the host engine calls the struct itself.")]
    [NonEmpty("a .dll file")]
    public string? EnvAssembly { get; set; }

    [Option("state", Required = true, MetaValue = "S1,S2,...", HelpText = "Start state as Gymnasium holds it (env.unwrapped.state, float64): CartPole-v1 x,x_dot,theta,theta_dot (e.g. 0.01,0,-0.02,0.03); Acrobot-v1 theta1,theta2,dtheta1,dtheta2; MountainCar-v0 and MountainCarContinuous-v0 position,velocity; Pendulum-v1 theta,theta_dot (theta 0 upright).")]
    [StateVector]
    public string State { get; set; } = "";

    [Option("actions", Required = true, MetaValue = "0110...|A1,A2,...", HelpText = "Actions in order. A discrete --env: one digit each, below its action count (CartPole-v1: 0 pushes left, 1 right; Acrobot-v1: torque 0, 1, 2 = -1, 0, +1; MountainCar-v0: 0 left, 1 none, 2 right). A continuous one: comma-separated numbers, one per step, each rounded to float32 as Gymnasium's Box holds it (Pendulum-v1: the torque, MountainCarContinuous-v0: the force); one outside the Box ([-2, 2], [-1, 1]) is clipped as Gymnasium clips it (MountainCarContinuous-v0 still charges the action as given, as Gymnasium does), and its line adds clipped_action.")]
    [ActionSequence]
    public string Actions { get; set; } = "";

    [Option("engine", Default = "host", HelpText = "host (the Gymnasium-exact float64 environment; your own environment's struct, called on the host) or device (the float32 kernel step).")]
    [OneOf(typeof(ReplayEngine))]
    public string Engine { get; set; } = "";

    [Option("device", Default = "auto", HelpText = "Accelerator of the device engine: auto, cuda, opencl or cpu.")]
    [OneOf(typeof(DeviceKind))]
    public string Device { get; set; } = "";

    [Option("strict-device", Default = false, HelpText = BatchedOptions.StrictDeviceHelp)]
    public bool StrictDevice { get; set; }

    [Option("sutton-barto", Default = false, HelpText = "CartPole-v1 only: Sutton and Barto's reward, 0 per step, -1 on and after termination.")]
    public bool SuttonBarto { get; set; }

    private ReplayTrajectory? _trajectory;

    public ICommand Check(ArgumentScan scan)
    {
        EnvironmentDefinition environment = EnvironmentChoice.Of(Env, EnvAssembly, envGiven: scan.RawValues.ContainsKey(EnvironmentChoice.Option));
        double[] state = ReplayInput.StateFor(environment, State);
        StepActions actions = ReplayInput.ActionsFor(environment, Actions);
        if (SuttonBarto && environment != Environments.CartPole)
            throw new UsageException($"--sutton-barto is CartPole-v1's reward variant: {environment.Id} has none (drop --sutton-barto or use --env CartPole-v1)");
        _trajectory = new ReplayTrajectory(environment, state, actions, SuttonBarto);
        return this;
    }

    public int Execute(TextWriter stdout, TextWriter stderr)
    {
        ReplayTrajectory trajectory = _trajectory ?? throw new InvalidOperationException("replay ran without its options checked");
        return EnumNames.Parse<ReplayEngine>(Engine) switch
        {
            ReplayEngine.Host => trajectory.OnHost(stdout),
            _ => trajectory.OnDevice(EnumNames.Parse<DeviceKind>(Device), StrictDevice, stdout, stderr),
        };
    }
}
