using CommandLine;
using Pgvec.Commands;
using Pgvec.CommandLine;

namespace Pgvec.Options;

[OptionHelp("env", "The environment to train on: CartPole-v1, Acrobot-v1, MountainCar-v0, Pendulum-v1 or MountainCarContinuous-v0, or one of --env-assembly's.")]
[OptionHelp("lr", "(Default: the environment's: CartPole-v1 0.1, Acrobot-v1 0.05, MountainCar-v0 0.1, Pendulum-v1 0.03, MountainCarContinuous-v0 0.05) Adam learning rate.")]
[OptionHelp("out", "(Default: runs/train-yyyyMMdd-HHmmss-fff, a fresh one) The run directory: config.json, metrics.csv, events.out.tfevents.*, learning-curve.png, summary.json, policy.safetensors and checkpoint.safetensors.")]
[Verb("train", isDefault: true, HelpText = "Batched training: every iteration runs --envs episodes in parallel on the device.")]
internal class TrainOptions : BatchedOptions
{
    [Option("checkpoint-every", HelpText = "(Default: only at the end) Also write checkpoint.safetensors and policy.safetensors every N iterations.")]
    [IntegerRange(1, int.MaxValue)]
    public int? CheckpointEvery { get; set; }

    [Option("eval-every", HelpText = "(Default: never) Every N iterations, play the policy greedily for 10 episodes on the host reference env: eval_episodic_return in metrics.csv, eval/episodic_return in TensorBoard, and the best so far as best-policy.safetensors.")]
    [IntegerRange(1, int.MaxValue)]
    public int? EvalEvery { get; set; }

    [Option("resume", MetaValue = "DIR", HelpText = "(Default: none) Continue the run in DIR from its checkpoint.safetensors, into DIR, with the options stored there; only the device, the budgets (counted from the run's start) and the checkpoint interval may be given anew.")]
    [NonEmpty("a run directory holding checkpoint.safetensors")]
    public string? Resume { get; set; }

    [Option("init-from", MetaValue = "FILE", HelpText = "(Default: none) Start from the weights in this policy.safetensors or checkpoint.safetensors (e.g. saved from PyTorch); the file gives --hidden and --env (a file without env: CartPole-v1).")]
    [NonEmpty("a .safetensors file")]
    public string? InitFrom { get; set; }

    [Option("env-assembly", MetaValue = "DLL", HelpText = EnvironmentChoice.AssemblyHelp + " A file's environment (init-from, resume) is found there too; without it, in the assembly the run recorded.")]
    [NonEmpty("a .dll file")]
    public string? EnvAssembly { get; set; }

    public override ICommand Check(ArgumentScan scan) => TrainStart.Prepare(this, scan);
}
