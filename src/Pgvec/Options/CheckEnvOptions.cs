using CommandLine;
using Pgvec.CommandLine;
using Pgvec.Commands;

namespace Pgvec.Options;

[Verb("check-env", HelpText = "Checks an environment as Gymnasium's check_env does, one line per check: its kernels compile (CPU accelerator, PTX sm_70/80/90, OpenCL C; .local memory is a warning), reset and step are pure functions of their stream and inputs, numbers are finite and within declared bounds, episodes end, the device (the CPU accelerator) computes what the host computes, and a short training stays finite. Exit 0 if no check fails, 1 otherwise.")]
internal sealed class CheckEnvOptions : ICheckedOptions
{
    [Option("env", Default = "CartPole-v1", HelpText = "The environment to check: a built-in one (CartPole-v1, Acrobot-v1, MountainCar-v0, Pendulum-v1, MountainCarContinuous-v0) or one of --env-assembly's (its id or type name).")]
    [EnvironmentId]
    public string Env { get; set; } = "CartPole-v1";

    [Option("env-assembly", MetaValue = "DLL", HelpText = EnvironmentChoice.AssemblyHelp)]
    [NonEmpty("a .dll file")]
    public string? EnvAssembly { get; set; }

    [Option("episodes", Default = 16, HelpText = "Episodes of a uniformly random policy played on the host and on the device.")]
    [IntegerRange(2, 4096)]
    public int Episodes { get; set; }

    [Option("seed", Default = 0UL, HelpText = "Seed of the episodes' streams and random actions.")]
    [UnsignedInteger]
    public ulong Seed { get; set; }

    public ICommand Check(ArgumentScan scan) =>
        new CheckEnvRun(EnvironmentChoice.Of(Env, EnvAssembly, envGiven: scan.RawValues.ContainsKey(EnvironmentChoice.Option)), Episodes, Seed);
}
