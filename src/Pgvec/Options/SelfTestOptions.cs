using CommandLine;
using Pgvec.Commands;
using Pgvec.CommandLine;
using PolicyGradient.Devices;

namespace Pgvec.Options;

[Verb("selftest", HelpText = "Checks that an accelerator computes right: each built-in environment's step (CartPole, Acrobot, MountainCar), policy forward, random draws, reduction and REINFORCE gradient against the embedded Gymnasium/PyTorch references, and a short training run against the CPU accelerator. Exit 0 if all pass, 1 otherwise.")]
internal sealed class SelfTestOptions : ICommand
{
    [Option("device", Default = "auto", HelpText = "auto (CUDA, else OpenCL, else CPU), cuda, opencl or cpu (the ILGPU CPU accelerator). A named device that is missing is an error (exit 1): nothing is checked in its place.")]
    [OneOf(typeof(DeviceKind))]
    public string Device { get; set; } = "";

    [Option("strict-device", Default = false, HelpText = BatchedOptions.ReportingStrictDeviceHelp)]
    public bool StrictDevice { get; set; }

    public int Execute(TextWriter stdout, TextWriter stderr) =>
        SelfTestRun.Run(EnumNames.Parse<DeviceKind>(Device), stdout, stderr);
}
