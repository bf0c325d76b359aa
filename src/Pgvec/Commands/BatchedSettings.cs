using PolicyGradient.Devices;

namespace Pgvec.Commands;

/// <summary>Where and how wide a batched run trains: the accelerator asked for, whether it must be that one, the env count, and how often its policy is evaluated (null: never).</summary>
internal sealed record BatchedSettings(DeviceKind Device, bool StrictDevice, int Envs, int? EvalEvery = null);
