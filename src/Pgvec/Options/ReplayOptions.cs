using CommandLine;
using Pgvec.CommandLine;
using Pgvec.Replay;
using PolicyGradient.Devices;

namespace Pgvec.Options;

[Verb("replay", HelpText = "Steps one CartPole from a given state through given actions; prints one JSON object per step.")]
public sealed class ReplayOptions : ICommand
{
    [Option("state", Required = true, MetaValue = "X,XD,TH,THD", HelpText = "Start state X,XD,TH,THD (float64, e.g. 0.01,0,-0.02,0.03).")]
    [StateVector]
    public string State { get; set; } = "";

    [Option("actions", Required = true, MetaValue = "0110...", HelpText = "Actions in order, e.g. 0110 (0 pushes left, 1 pushes right).")]
    [ActionSequence]
    public string Actions { get; set; } = "";

    [Option("engine", Default = "host", HelpText = "host (the Gymnasium-exact float64 environment) or device (the float32 kernel step).")]
    [OneOf(typeof(ReplayEngine))]
    public string Engine { get; set; } = "";

    [Option("device", Default = "auto", HelpText = "Accelerator of the device engine: auto, cuda, opencl or cpu.")]
    [OneOf(typeof(DeviceKind))]
    public string Device { get; set; } = "";

    [Option("strict-device", Default = false, HelpText = BatchedOptions.StrictDeviceHelp)]
    public bool StrictDevice { get; set; }

    [Option("sutton-barto", Default = false, HelpText = "Sutton and Barto's reward: 0 per step, -1 on and after termination.")]
    public bool SuttonBarto { get; set; }

    public int Execute(TextWriter stdout, TextWriter stderr)
    {
        var trajectory = new ReplayTrajectory(ReplayInput.ParseState(State), ReplayInput.ParseActions(Actions), SuttonBarto);
        return EnumNames.Parse<ReplayEngine>(Engine) switch
        {
            ReplayEngine.Host => trajectory.OnHost(stdout),
            _ => trajectory.OnDevice(EnumNames.Parse<DeviceKind>(Device), StrictDevice, stdout, stderr),
        };
    }
}
