using PolicyGradient.Training;
using CommandLine;
using Pgvec.CommandLine;
using PolicyGradient.Devices;

namespace Pgvec.Options;

/// <summary>The options of a batched run on an accelerator, shared by train and compare.</summary>
internal abstract class BatchedOptions : TrainingRunOptions
{
    /// <summary>Episode counts are reduced in float32 on the device, exact up to 2^24.</summary>
    public const int MaxEnvs = 1 << 24;

    [Option("envs", MetaValue = "N", HelpText = "(Default: the environment's: CartPole-v1 4096, Acrobot-v1 256, MountainCar-v0 4096, Pendulum-v1 1024, MountainCarContinuous-v0 1024) Environments run in parallel: one episode each per iteration.")]
    [IntegerRange(1, MaxEnvs)]
    public int Envs { get => _envs ?? Environment.Defaults.Envs; set => _envs = value; }

    private int? _envs;

    public const string DeviceHelp = "auto (CUDA, else OpenCL, else CPU), cuda, opencl or cpu (the ILGPU CPU accelerator).";
    public const string StrictDeviceHelp = "Fail if --device is missing or fails to start, instead of falling back to the CPU accelerator.";

    /// <summary>For the verbs that report on a device, where a named device never falls back anyway.</summary>
    public const string ReportingStrictDeviceHelp = "Accepted so that one command line serves every verb: the device named here is always that device or an error, never a fallback.";
    public const int DefaultMaxIterations = 1000;

    [Option("device", Default = "auto", HelpText = DeviceHelp)]
    [OneOf(typeof(DeviceKind))]
    public string Device { get; set; } = "";

    [Option("max-iterations", Default = DefaultMaxIterations, HelpText = "Stop after this many iterations.")]
    [IntegerRange(1, int.MaxValue)]
    public int MaxIterations { get; set; }

    [Option("strict-device", Default = false, HelpText = StrictDeviceHelp)]
    public bool StrictDevice { get; set; }

    protected override double DefaultLearningRate => Environment.Defaults.LearningRate;

    public DeviceKind DeviceKind => EnumNames.Parse<DeviceKind>(Device);

    public Commands.BatchedSettings Settings => new(DeviceKind, StrictDevice, Envs);
}
