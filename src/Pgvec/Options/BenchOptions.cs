using CommandLine;
using Pgvec.Commands;
using Pgvec.CommandLine;
using PolicyGradient.Devices;

namespace Pgvec.Options;

[Verb("bench", HelpText = "Measures throughput against env count, train against baseline time to solve over several seeds, and the PyTorch peer, in one run; writes bench.json.")]
internal sealed class BenchOptions : ICheckedOptions
{
    [Option("env", Default = "CartPole-v1", HelpText = "The Gymnasium environment every section measures: CartPole-v1, Acrobot-v1, MountainCar-v0, Pendulum-v1 or MountainCarContinuous-v0 (the PyTorch peer: CartPole-v1 only).")]
    [EnvironmentId]
    public string Env { get; set; } = "CartPole-v1";

    [Option("env-assembly", MetaValue = "DLL", HelpText = EnvironmentChoice.AssemblyHelp + " Its baseline plays the struct on the host; the crossover table and the PyTorch peer are skipped.")]
    [NonEmpty("a .dll file")]
    public string? EnvAssembly { get; set; }

    [Option("device", Default = "auto", HelpText = "auto (CUDA, else OpenCL, else CPU), cuda, opencl or cpu (the ILGPU CPU accelerator). A named device that is missing is an error (exit 1): nothing is measured in its place.")]
    [OneOf(typeof(DeviceKind))]
    public string Device { get; set; } = "";

    [Option("strict-device", Default = false, HelpText = BatchedOptions.ReportingStrictDeviceHelp)]
    public bool StrictDevice { get; set; }

    [Option("envs", Default = "1,64,1024,4096,65536", HelpText = "Env counts of the throughput table (a fixed trained policy, whole iterations).")]
    [IntegerList(1, BatchedOptions.MaxEnvs)]
    public string Envs { get; set; } = "";

    [Option("solve-envs", MetaValue = "N", HelpText = "(Default: train's for the environment: CartPole-v1 4096, Acrobot-v1 256, MountainCar-v0 4096, Pendulum-v1 1024, MountainCarContinuous-v0 1024) Env count of the time-to-solve runs and of the peer; they train with train's learning rate for the environment.")]
    [IntegerRange(1, BatchedOptions.MaxEnvs)]
    public int? SolveEnvs { get; set; }

    [Option("seeds", Default = "0,1,2", HelpText = "Seeds of the time-to-solve runs (train, baseline and peer each run every seed).")]
    [IntegerList(0, int.MaxValue)]
    public string Seeds { get; set; } = "";

    [Option("solve-max-seconds", Default = 600.0, HelpText = "Time budget of each time-to-solve run (train and baseline each), in seconds: an environment they do not solve (MountainCar-v0) runs until it.")]
    [FiniteNumber(GreaterThan = 0)]
    public double SolveMaxSeconds { get; set; }

    [Option("min-seconds", Default = 3.0, HelpText = "Least time measured per throughput row.")]
    [FiniteNumber(GreaterThan = 0)]
    public double MinSeconds { get; set; }

    [Option("peer-python", MetaValue = "PYTHON", HelpText = "(Default: none) Python with torch, to run the PyTorch peer (peers/torch_reinforce.py, shipped beside pgvec) on the same seeds.")]
    [NonEmpty("a python executable")]
    public string? PeerPython { get; set; }

    [Option("sweep-agents", Default = 32, HelpText = "Agents of the sweep section (one batch against one after another); 0 skips it.")]
    [IntegerRange(0, 4096)]
    public int SweepAgents { get; set; }

    [Option("sweep-envs", Default = 64, HelpText = "Envs per agent of the sweep section.")]
    [IntegerRange(1, BatchedOptions.MaxEnvs)]
    public int SweepEnvs { get; set; }

    [Option("floor-envs", Default = 64, HelpText = "Envs of the iteration-floor section (where a short iteration's fixed time goes); 0 skips it.")]
    [IntegerRange(0, BatchedOptions.MaxEnvs)]
    public int FloorEnvs { get; set; }

    [Option("crossover-runs", Default = 5, HelpText = "Seeds 0..N-1 of the crossover table (train at each of its env counts with lr 0.01 and 0.1, beside baseline; every run a fresh process); 0 skips it.")]
    [IntegerRange(0, 100)]
    public int CrossoverRuns { get; set; }

    [Option("crossover-envs", Default = "16,64,256,1024,4096", HelpText = "Env counts of the crossover table.")]
    [IntegerList(1, BatchedOptions.MaxEnvs)]
    public string CrossoverEnvs { get; set; } = "";

    [Option("out", MetaValue = "FILE", HelpText = "(Default: runs/bench-yyyyMMdd-HHmmss-fff/bench.json, a fresh folder) The report file.")]
    [NonEmpty("a file path")]
    public string? Out { get; set; }

    public ICommand Check(ArgumentScan scan) => BenchRun.Prepare(this, scan);
}
